// The job of content/documents/: every hand-written NAME.xml there, rendered as NAME.pdf and
// NAME.html.
#pragma once

#include <string>

#include "batch/folder_job.h"

namespace vanban {

FolderJob documents_job(const std::string& documents_dir, const std::string& output_dir);

}  // namespace vanban
