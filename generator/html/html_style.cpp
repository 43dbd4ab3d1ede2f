#include "html/html_style.h"

#include "html/html_text.h"
#include "html/web_fonts.h"

namespace vanban::html {

namespace {

void append_mm(std::string& out, Mm mm) {
  append_number(out, mm.value);
  out += "mm";
}

void append_box(std::string& out, const PageSetup& page) {
  append_mm(out, page.top);
  out += ' ';
  append_mm(out, page.right);
  out += ' ';
  append_mm(out, page.bottom);
  out += ' ';
  append_mm(out, page.left);
}

}  // namespace

void append_font(std::string& out, const TextStyle& style) {
  out += "font-size:";
  append_number(out, style.size);
  out += style.bold ? "pt;font-weight:bold" : "pt;font-weight:normal";
  out += style.italic ? ";font-style:italic" : ";font-style:normal";
  out += style.underline ? ";text-decoration:underline" : ";text-decoration:none";
}

void append_stylesheet(std::string& out, const Profile& profile) {
  const PageSetup& page = profile.page;
  const HeaderSetup& header = profile.header;
  const BodySetup& body = profile.body;

  append_web_font_faces(out);
  out += "@page{size:";
  append_mm(out, page.width);
  out += ' ';
  append_mm(out, page.height);
  out += ";margin:";
  append_box(out, page);
  // Printed pages carry their number in the top margin from the profile's first numbered page
  // (margin boxes: Chromium 131 and later).
  out += ";@top-center{content:counter(page);vertical-align:bottom;padding-bottom:";
  append_mm(out, page.top - profile.page_numbers.from_top);
  out += ';';
  append_font(out, profile.style(Element::PageNumber));
  out += "}}\n";
  if (profile.page_numbers.first_numbered_page > 1) out += "@page:first{@top-center{content:none}}\n";

  // On screen: a sheet of paper with the profile's margins, centred on a grey desk.
  out +=
      "html{background:#e6e6e6}\n"
      "body{margin:0;padding:8mm 0;color:#000;"
      // "Vanban Serif" (html/web_fonts.h): Times New Roman, else the shipped fonts.
      "font-family:\"Vanban Serif\",\"Times New Roman\",\"Liberation Serif\",\"Tinos\",serif;font-size:14pt;"
      "line-height:1.2}\n"
      ".sheet{box-sizing:border-box;margin:0 auto;background:#fff;"
      "box-shadow:0 1px 5px rgba(0,0,0,.35);width:";
  append_mm(out, page.width);
  out += ";min-height:";
  append_mm(out, page.height);
  out += ";padding:";
  append_box(out, page);
  out += "}\n";
  out +=
      "p,h1,h2,h3,ol,ul,li,hgroup{margin:0;padding:0}\n"
      "ol,ul{list-style:none}\n"
      // Screen readers keep the h1 of a công văn; the subject is already shown in the header.
      ".vh{position:absolute;display:block;width:1px!important;height:1px;overflow:hidden;clip-path:inset(50%);"
      "white-space:nowrap}\n"
      // A rule takes a share of its text's width: .ruled shrinks to the text.
      ".ruled{display:inline-block}\n"
      ".rule{display:block;margin:3pt auto 1pt;border-top:1px solid}\n";

  // Header: issuer column | title column, then number | place-date on one row.
  // Each column is its share of the width less half the gutter, as in the PDF's layout.
  const auto column = [&](double share) {
    out += "minmax(0,calc(";
    append_number(out, share * 100);
    out += "% - ";
    append_number(out, kHeaderColumnGutterMm / 2);
    out += "mm))";
  };
  out += ".doc-header{display:grid;column-gap:";
  append_number(out, kHeaderColumnGutterMm);
  out += "mm;align-items:start;text-align:center;grid-template-columns:";
  column(header.left_column);
  out += ' ';
  column(1 - header.left_column);
  out += ";margin-bottom:";
  append_number(out, header.gap_after_header);
  out += "pt}\n";
  out +=
      ".doc-header .issuer{justify-self:center;max-width:100%}\n"
      // Header and title lines wrap in balanced lines, as the PDF's header layout does, so a
      // two-line name breaks "BAN TUYÊN GIÁO / VÀ DÂN VẬN", not before its last word.
      ".doc-header p,hgroup p{text-wrap:balance}\n"
      ".doc-header .number,.doc-header .place-date{padding-top:4pt}\n"
      ".letter-subject{padding-top:6pt}\n"
      ".box{display:inline-block;margin-top:8pt;padding:1pt 5pt;border:1px solid}\n"
      "hgroup{text-align:center;margin-bottom:10pt}\n"
      "hgroup p{margin:0 5%}\n"
      // The rule under the subject stands clear of its descenders, as in the PDF (6 pt).
      "hgroup .rule{margin-top:6pt}\n"
      // Names, dates and numbers with their units are not split (html_writer.cpp, kept_text):
      // an inline block moves whole to the next line, and wraps inside only when it is wider
      // than the line itself (a phone's header column), where nowrap would push the page sideways.
      // Its first line sits on the line it starts ("Kính gửi:" beside an addressee that wraps),
      // not its last, as an inline block's baseline would put it.
      ".nb{display:inline-block;vertical-align:top}\n"
      // In a table a name never wraps (a column is at least as wide as its widest name, as in
      // the PDF); the table scrolls in its box instead. A soft span still breaks between its parts.
      "td .nb:not(.soft),th .nb:not(.soft){white-space:nowrap}\n"
      // A column whose soft phrases the PDF keeps whole ("phường Tân Định Thượng"; class keep,
      // ResolvedDocument::tables) keeps them on one line too, so the browser's
      // column widths make room for them as the PDF's do; on a phone they may break (below).
      ".keep .nb{white-space:nowrap}\n"
      ".to{display:flex;justify-content:center;align-items:baseline;column-gap:.3em;"
      "margin-bottom:10pt}\n"
      ".to>p{flex:none}\n";
  if (!header.center_place_date) out += ".doc-header .place-date{text-align:right}\n";

  out += ".content{text-align:justify;line-height:";
  append_number(out, body.line_height);
  out += ';';
  append_font(out, profile.style(Element::Body));
  out += ";orphans:2;widows:2}\n.content p,.content h2,.content h3{text-indent:";
  append_mm(out, Mm(body.first_line_indent));
  out += ";margin-bottom:";
  append_number(out, body.paragraph_space);
  // A heading never ends a page; lines are never stranded (orphans, widows).
  out += "pt}\n.content h2,.content h3{break-after:avoid;break-inside:avoid}\n"
         ".content h3{font-size:inherit;font-weight:bold}\n.content h2{";
  append_font(out, profile.style(Element::Heading));
  out += "}\n.content table{width:100%;border-collapse:collapse;line-height:1.2;margin-bottom:";
  append_number(out, body.paragraph_space);
  out += "pt;";
  append_font(out, profile.style(Element::TableText));
  out += "}\n";
  out +=
      "th,td{border:1px solid;padding:2pt 4pt;vertical-align:top;text-align:left}\n"
      "th{font-weight:bold;text-align:center;vertical-align:middle}\n"
      "tr{break-inside:avoid}\n"
      "tr.group-head{break-after:avoid}\n"
      // A table wider than a phone's screen scrolls in its own box; the page never does.
      ".table-scroll{max-width:100%;overflow-x:auto}\n"
      ".table-scroll>table{min-width:32em}\n"
      ".al-c{text-align:center}\n"
      ".al-r{text-align:right}\n"
      ".chart{break-inside:avoid}\n"
      ".chart figcaption{font-weight:bold;text-align:center}\n"
      ".chart svg{display:block;margin-top:6pt}\n"
      // Room for glyphs that overhang the measured labels by a pixel or two, which the box would clip.
      ".chart-scroll{max-width:100%;overflow-x:auto;padding:0 3pt;box-sizing:border-box}\n";
  out += ".chart{margin:0 0 ";
  append_number(out, body.paragraph_space);
  out += "pt}\n";

  // Booklets: the cover fills the first sheet; boxes frame the discussion questions; the
  // notes page is ruled.
  out +=
      ".cover{display:flex;flex-direction:column;align-items:center;text-align:center;"
      "min-height:200mm;margin-bottom:24pt;break-after:page}\n"
      ".cover .cover-title{margin-top:auto}\n"
      ".cover .cover-subtitle{margin:12pt 0 auto}\n"
      ".cover .cover-organisation{padding-bottom:6pt;border-bottom:1px solid}\n"
      ".page-break{break-after:page}\n"
      ".toc{margin-bottom:12pt}\n.toc h2{text-align:center;text-indent:0}\n"
      ".toc ol{text-align:left}\n.toc li{margin:4pt 0}\n.toc a{color:inherit}\n"
      ".frame{border:1px solid;padding:6pt 8pt;margin:8pt 0;break-inside:avoid}\n"
      ".frame-title{text-align:center;font-weight:bold;text-indent:0!important}\n"
      ".notes{break-before:page}\n.notes h2{text-align:center;text-indent:0}\n"
      ".note-lines{height:150mm;background:repeating-linear-gradient(to bottom,transparent 0,"
      "transparent calc(2.2em - 1px),#8c8c8c calc(2.2em - 1px),#8c8c8c 2.2em)}\n";

  // Footer: "Nơi nhận:" on the left, the signature block on the right, level at the top.
  out +=
      ".doc-footer{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);"
      "column-gap:3mm;align-items:start;margin-top:12pt;break-inside:avoid}\n"
      ".signature{grid-column:2;grid-row:1;text-align:center}\n"
      ".recipients{grid-column:1;grid-row:1;line-height:1.15}\n"
      ".signing-space{height:";
  append_mm(out, Mm(profile.signature.signing_space));
  out += "}\n.recipients ul{";
  append_font(out, profile.style(Element::Recipient));
  out += "}\n.recipients li:not(.group){display:flex}\n.item-prefix{flex:none;white-space:pre}\n";
  // A group: its lines, one brace as tall as they are, the purpose centred beside it. The
  // brace is four quarter-borders: top hook, the point at mid-height, bottom hook.
  out +=
      ".group{display:flex;align-items:stretch}\n"
      ".group>ul{flex:0 1 auto;min-width:0}\n"
      ".brace{flex:none;display:flex;flex-direction:column;width:.6em;margin:1pt .35em}\n"
      ".brace>span{flex:1;position:relative}\n"
      ".brace>span::before,.brace>span::after{content:\"\";position:absolute;"
      "box-sizing:border-box;border:0 solid}\n"
      ".brace>span::before{left:0;width:50%}\n"
      ".brace>span::after{left:calc(50% - 1px);right:0;height:.3em}\n"
      ".brace>.up::before{top:0;bottom:.3em;border-top-width:1px;border-right-width:1px;"
      "border-top-right-radius:100% .3em}\n"
      ".brace>.up::after{bottom:0;border-bottom-width:1px;border-left-width:1px;"
      "border-bottom-left-radius:100% .3em}\n"
      ".brace>.down::before{top:.3em;bottom:0;border-bottom-width:1px;border-right-width:1px;"
      "border-bottom-right-radius:100% .3em}\n"
      ".brace>.down::after{top:0;border-top-width:1px;border-left-width:1px;"
      "border-top-left-radius:100% .3em}\n"
      ".purpose{flex:none;align-self:center}\n";

  // A phone cannot hold the two header columns side by side without splitting the names kept
  // together: the header becomes one column, the national motto first, as on a cover. Headings
  // are set ragged there: justified over a phone's few words a line, their capitals would stand
  // apart by gaps wider than the words.
  out +=
      "@media screen and (max-width:480px){.doc-header{grid-template-columns:minmax(0,1fr);"
      "row-gap:6pt}.doc-header .national{order:-1}.doc-header .place-date{text-align:center}"
      ".content h2,.content h3{text-align:left}.keep .nb.soft{white-space:normal}}\n"
      "@media screen and (max-width:220mm){body{padding:0}"
      ".sheet{width:auto;min-height:0;padding:6mm;box-shadow:none}}\n"
      "@media print{html{background:none}body{padding:0}"
      ".sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}}\n";
}

}  // namespace vanban::html
