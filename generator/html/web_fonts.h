// The documents' face on screen, "Vanban Serif": an installed Times New Roman (local() matches a
// face by its own full or PostScript name, never through an alias), else the shipped Liberation
// Serif, which has Times New Roman's metrics. Never an installed Liberation Serif: older versions
// (1.07, Debian 12's fonts-liberation) have no "ộ", "ệ", "ữ", and a browser would draw those
// letters in another, wider face, so a line that fits in the PDF would wrap on screen.
//
// Every HTML page of a document carries the @font-face rules; the font files sit in a folder
// named kWebFontsFolder beside the page (or beside its stylesheet), so that an output folder
// copied elsewhere keeps its face.
#pragma once

#include <span>
#include <string>

namespace vanban::html {

struct WebFontFace {
  const char* file;             // in the data folder's fonts/, and in kWebFontsFolder
  const char* full_name;        // of the Times New Roman face preferred to it
  const char* postscript_name;  // idem
  bool bold = false;
  bool italic = false;
};

inline constexpr const char* kWebFontsFolder = "fonts";
// The fonts' licence (SIL OFL), which travels with them.
inline constexpr const char* kWebFontsLicense = "LICENSE";

std::span<const WebFontFace> web_font_faces();

// The @font-face rules of "Vanban Serif", their url()s relative to the page or stylesheet.
void append_web_font_faces(std::string& css);

}  // namespace vanban::html
