// The draft as the compose page sends and receives it (JSON). Reading is strict: a key the form
// does not have, a value of the wrong kind or text that is not UTF-8 refuses the whole request
// with the reason, so a bad request changes nothing.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/diagnostic.h"
#include "model/draft.h"

namespace vanban::serve {

nlohmann::json draft_to_json(const Draft& draft);
// `where` names the value in messages ("draft"); errors carry no file, line or column.
Result<Draft> draft_from_json(const nlohmann::json& value, const std::string& where = "draft");

// Parses a request body: nullopt-valued with the reason when it is not JSON in UTF-8.
Result<nlohmann::json> parse_json_body(std::string_view body);

}  // namespace vanban::serve
