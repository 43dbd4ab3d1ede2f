#include "pdf/pdfa.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>

#include "model/xml_escape.h"
#include "pdf/flate.h"

namespace vanban {

std::string xmp_date(long long timestamp) {
  const std::time_t t = static_cast<std::time_t>(timestamp);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string xmp_packet(const DocumentInfo& info) {
  const std::string date = xmp_date(info.timestamp);
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\"\n";
  x += "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
  x += "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  // Each entry mirrors an Info key written by pdf_writer.cpp (set_info), and only when it is.
  if (!info.title.empty())
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  if (!info.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!info.keywords.empty()) x += "<pdf:Keywords>" + xml_escaped(info.keywords) + "</pdf:Keywords>\n";
  x += "<pdf:Producer>vanban</pdf:Producer>\n";
  x += "<xmp:CreatorTool>vanban</xmp:CreatorTool>\n";
  x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  x += "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  x += "<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n";
  x += "<?xpacket end=\"r\"?>";
  return x;
}

const IccProfile& srgb_icc_profile() {
  static const IccProfile profile = [] {
    IccProfile p;
    std::ifstream in(kSrgbIccPath, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // An ICC profile has its signature "acsp" at byte 36.
    if (!in || bytes.size() < 128 || bytes.compare(36, 4, "acsp") != 0) {
      p.error = std::string("cannot read the sRGB ICC profile ") + kSrgbIccPath +
                " that PDF/A output needs (Debian package icc-profiles-free)";
      return p;
    }
    p.compressed = flate_compress(bytes, kMaxFlateLevel);  // once per process
    return p;
  }();
  return profile;
}

}  // namespace vanban
