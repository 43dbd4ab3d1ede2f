#include "pdf/font_objects.h"

#include <cmath>
#include <string>

#include "pdf/pdf_number.h"

namespace vanban {

using namespace PoDoFo;

namespace {

PdfVariant number(long long v) { return pdf_integer(v); }

}  // namespace

// An empty filter list makes PoDoFo keep the bytes as they are (and drop /Filter, hence set
// afterwards) instead of compressing them again at its default level.
void set_flate_stream(PdfObject& object, std::string_view compressed) {
  object.GetStream()->Set(compressed.data(), static_cast<pdf_long>(compressed.size()),
                          TVecFilters());
  object.GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

PdfReference add_font_objects(PdfVecObjects& objects, const EmbeddedFont& e) {
  const PdfName base_font(e.base_font);

  PdfObject* file = objects.CreateObject();
  set_flate_stream(*file, e.font_file);
  file->GetDictionary().AddKey("Length1", number(static_cast<long long>(e.font_file_length)));

  PdfObject* descriptor = objects.CreateObject("FontDescriptor");
  PdfDictionary& d = descriptor->GetDictionary();
  d.AddKey("FontName", base_font);
  d.AddKey("Flags", number(e.flags));
  PdfArray bbox;
  for (const long long v : e.bbox) bbox.push_back(number(v));
  d.AddKey("FontBBox", bbox);
  std::string angle = " ";  // PdfData is written as is, and a number must not touch the key
  append_milli(angle, std::llround(e.italic_angle * 1000));
  d.AddKey("ItalicAngle", PdfVariant(PdfData(angle.c_str(), angle.size())));
  d.AddKey("Ascent", number(e.ascent));
  d.AddKey("Descent", number(e.descent));
  d.AddKey("CapHeight", number(e.cap_height));
  d.AddKey("StemV", number(e.stem_v));
  d.AddKey("FontFile2", file->Reference());

  PdfObject* cid_font = objects.CreateObject("Font");
  PdfDictionary& cid = cid_font->GetDictionary();
  cid.AddKey(PdfName::KeySubtype, PdfName("CIDFontType2"));
  cid.AddKey("BaseFont", base_font);
  PdfDictionary system_info;
  system_info.AddKey("Registry", PdfString("Adobe"));
  system_info.AddKey("Ordering", PdfString("Identity"));
  system_info.AddKey("Supplement", number(0));
  cid.AddKey("CIDSystemInfo", system_info);
  cid.AddKey("FontDescriptor", descriptor->Reference());
  cid.AddKey("W", PdfVariant(PdfData(e.widths.c_str(), e.widths.size())));
  cid.AddKey("CIDToGIDMap", PdfName("Identity"));

  PdfObject* to_unicode = objects.CreateObject();
  set_flate_stream(*to_unicode, e.to_unicode);

  PdfObject* type0 = objects.CreateObject("Font");
  PdfDictionary& t = type0->GetDictionary();
  t.AddKey(PdfName::KeySubtype, PdfName("Type0"));
  t.AddKey("BaseFont", base_font);
  t.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid_font->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", to_unicode->Reference());
  return type0->Reference();
}


}  // namespace vanban
