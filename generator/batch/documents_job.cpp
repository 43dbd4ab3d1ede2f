#include "batch/documents_job.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "output/output_name.h"

namespace vanban {

namespace fs = std::filesystem;

FolderJob documents_job(const std::string& documents_dir, const std::string& output_dir) {
  FolderJob job;
  job.label = "documents";
  job.input = documents_dir;
  job.output_dir = output_dir;

  std::vector<std::string> paths;
  std::error_code ec;
  for (auto it = fs::directory_iterator(documents_dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    std::error_code type_ec;
    if (ext == ".xml" && it->is_regular_file(type_ec)) paths.push_back(it->path().string());
  }
  if (ec) {
    job.rejected.push_back({documents_dir, 0, 0, "cannot list the folder: " + ec.message()});
    job.input_complete = false;
    return job;
  }
  std::sort(paths.begin(), paths.end());

  OutputNames names;
  std::vector<BuildItem> items;
  for (const std::string& path : paths) {
    Result<std::string> name = names.claim(path);
    if (!name.ok()) {
      job.rejected.insert(job.rejected.end(), name.errors.begin(), name.errors.end());
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string markup{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.is_open() || in.bad()) {
      job.rejected.push_back({path, 0, 0, "cannot read the file"});
      continue;
    }
    items.push_back({std::move(*name.value), path, std::move(markup), false, false});
  }
  list_items(job, std::move(items));
  return job;
}

}  // namespace vanban
