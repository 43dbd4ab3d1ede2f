#include "html/web_fonts.h"

namespace vanban::html {

namespace {

constexpr WebFontFace kFaces[] = {
    {"LiberationSerif-Regular.ttf", "Times New Roman", "TimesNewRomanPSMT", false, false},
    {"LiberationSerif-Bold.ttf", "Times New Roman Bold", "TimesNewRomanPS-BoldMT", true, false},
    {"LiberationSerif-Italic.ttf", "Times New Roman Italic", "TimesNewRomanPS-ItalicMT", false, true},
    {"LiberationSerif-BoldItalic.ttf", "Times New Roman Bold Italic", "TimesNewRomanPS-BoldItalicMT", true, true}};

}  // namespace

std::span<const WebFontFace> web_font_faces() { return kFaces; }

void append_web_font_faces(std::string& css) {
  for (const WebFontFace& f : kFaces) {
    css += "@font-face{font-family:\"Vanban Serif\";src:local(\"";
    css += f.full_name;
    css += "\"),local(\"";
    css += f.postscript_name;
    css += "\"),url(";
    css += kWebFontsFolder;
    css += '/';
    css += f.file;
    css += ") format(\"truetype\");font-weight:";
    css += f.bold ? "bold" : "normal";
    css += ";font-style:";
    css += f.italic ? "italic" : "normal";
    css += "}\n";
  }
}

}  // namespace vanban::html
