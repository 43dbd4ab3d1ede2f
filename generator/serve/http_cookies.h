// The two cookies of vanban serve, read from a request's Cookie header and written as
// Set-Cookie values: HttpOnly (no script reads them), SameSite=Strict (no other site's page
// sends them), Path=/.
#pragma once

#include <string>

namespace vanban::serve {

constexpr const char* kSessionCookie = "vanban_session";
constexpr const char* kLoginCookie = "vanban_login";  // the login form's CSRF token (double submit)

// The value of cookie `name` in a Cookie header, or empty.
std::string cookie_value(const std::string& header, const std::string& name);
std::string set_cookie(const std::string& name, const std::string& value);

}  // namespace vanban::serve
