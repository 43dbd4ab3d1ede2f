// The register's schema: an ordered list of migrations, the database's version kept in
// PRAGMA user_version. A migration is never edited once released; a change is a new one.
#pragma once

#include <string>

#include "register/sqlite.h"

namespace vanban::sql {

int latest_schema_version();

// Brings the database up to `target` (default: the latest) in one write transaction, so that
// two processes opening a new register at once create it once. Refuses a database newer than
// this program. Empty string, or why it failed.
std::string migrate(Database& db, int target = latest_schema_version());

// PRAGMA user_version, or -1 if it cannot be read.
int schema_version(Database& db);

}  // namespace vanban::sql
