#include "sign/pdf_signer.h"

#include <podofo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <vector>

#include "text/utf8_decode.h"
#include "model/length.h"
#include "pdf/embedded_font.h"
#include "pdf/flate.h"
#include "pdf/font_objects.h"
#include "pdf/pdf_number.h"
#include "pdf/pdf_writer.h"
#include "pdf/pdfa.h"
#include "sign/cades.h"
#include "sign/timestamp.h"

namespace vanban {

namespace {

using namespace PoDoFo;

// The scans NĐ 30 asks for; used when a signature PNG does not state its DPI.
constexpr double kDefaultSignatureDpi = 200;
// Bytes reserved for the CMS: the signer's certificate and chain, the signature and attributes,
// and a time-stamp token with the authority's certificates.
constexpr std::size_t kSignatureSpace = 24576;
// NĐ 30 Phụ lục I: the attachment text, Times New Roman 10 pt, top right of page 1.
constexpr double kAttachmentTextSize = 10;
constexpr double kAttachmentRightMm = 20, kAttachmentTopMm = 10;

struct Failure {
  std::string message;
};

// A rectangle in PDF user space (origin bottom left).
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
};

double number_of(const PdfObject& o) { return o.IsReal() ? o.GetReal() : static_cast<double>(o.GetNumber()); }

std::optional<Box> box_of(const PdfObject* array) {
  if (array == nullptr || !array->IsArray() || array->GetArray().size() != 4) return std::nullopt;
  const PdfArray& a = array->GetArray();
  for (const PdfObject& v : a) {
    if (!v.IsReal() && !v.IsNumber()) return std::nullopt;
  }
  const double x1 = number_of(a[0]), y1 = number_of(a[1]), x2 = number_of(a[2]), y2 = number_of(a[3]);
  return Box{std::min(x1, x2), std::min(y1, y2), std::abs(x2 - x1), std::abs(y2 - y1)};
}

const PdfObject* resolve(PdfMemDocument& doc, const PdfObject* o) {
  while (o != nullptr && o->IsReference()) o = doc.GetObjects().GetObject(o->GetReference());
  return o;
}

// The page and signing space recorded by the writer (pdf/pdf_writer.h).
std::pair<int, Box> signature_box(PdfMemDocument& doc) {
  for (int i = 0; i < doc.GetPageCount(); ++i) {
    const PdfObject* key = doc.GetPage(i)->GetObject()->GetDictionary().GetKey(kSignatureBoxKey);
    if (auto box = box_of(resolve(doc, key))) return {i, *box};
  }
  throw Failure{"the PDF has no signature block to sign in (no /" + std::string(kSignatureBoxKey) + ")"};
}

// A signature field whose widget is merged with it (as vanban writes them).
struct SignatureField {
  std::string name;
  bool is_signed = false;  // has a /V
  PdfReference reference;
  int page = 0;
  Box rect;
};

// The signature fields of the AcroForm, in its order.
std::vector<SignatureField> signature_fields(PdfMemDocument& doc) {
  std::vector<SignatureField> out;
  const PdfObject* form = resolve(doc, doc.GetCatalog()->GetDictionary().GetKey("AcroForm"));
  if (form == nullptr || !form->IsDictionary()) return out;
  const PdfObject* fields = resolve(doc, form->GetDictionary().GetKey("Fields"));
  if (fields == nullptr || !fields->IsArray()) return out;
  for (const PdfObject& entry : fields->GetArray()) {
    const PdfObject* field = resolve(doc, &entry);
    if (field == nullptr || !field->IsDictionary()) continue;
    const PdfDictionary& d = field->GetDictionary();
    const PdfObject* type = resolve(doc, d.GetKey("FT"));
    const PdfObject* title = resolve(doc, d.GetKey("T"));
    const PdfObject* page = d.GetKey("P");
    const auto rect = box_of(resolve(doc, d.GetKey("Rect")));
    if (type == nullptr || !type->IsName() || type->GetName() != PdfName("Sig") || title == nullptr ||
        !title->IsString() || page == nullptr || !page->IsReference() || !rect)
      continue;
    for (int i = 0; i < doc.GetPageCount(); ++i) {
      if (doc.GetPage(i)->GetObject()->Reference() == page->GetReference()) {
        out.push_back({title->GetString().GetStringUtf8(), d.HasKey("V"), field->Reference(), i, *rect});
        break;
      }
    }
  }
  return out;
}

// The person's signature: vanban's own field, or a prepared field (<external-signing>) once
// signed; never the organisation's seal or an attachment's signature.
const SignatureField* person_signature(const std::vector<SignatureField>& fields) {
  for (const SignatureField& f : fields)
    if (f.is_signed && f.name != kSealFieldName && f.name != kAttachmentFieldName) return &f;
  return nullptr;
}

// Where the person signs: the empty field named `wanted`, or when none is named the PDF's first
// empty field (prepared for signing); nullptr: a new field over the signature box.
const SignatureField* empty_field(const std::vector<SignatureField>& fields, const std::string& wanted) {
  for (const SignatureField& f : fields)
    if (!f.is_signed && (wanted.empty() || f.name == wanted)) return &f;
  if (wanted.empty()) return nullptr;
  std::string known;
  for (const SignatureField& f : fields)
    known += (known.empty() ? "'" : ", '") + f.name + (f.is_signed ? "' (signed)" : "'");
  throw Failure{"the PDF has no empty signature field '" + wanted + "'" +
                (known.empty() ? std::string(" (it has no signature field)") : " (its fields: " + known + ")")};
}

// The image as an XObject with its alpha as an SMask (omitted when fully opaque).
PdfReference add_image(PdfMemDocument& doc, const PngImage& image) {
  PdfVecObjects& objects = doc.GetObjects();
  auto image_object = [&](const std::string& samples, const char* colour_space) {
    PdfObject* o = objects.CreateObject("XObject");
    PdfDictionary& d = o->GetDictionary();
    d.AddKey(PdfName::KeySubtype, PdfName("Image"));
    d.AddKey("Width", pdf_integer(image.width));
    d.AddKey("Height", pdf_integer(image.height));
    d.AddKey("ColorSpace", PdfName(colour_space));
    d.AddKey("BitsPerComponent", pdf_integer(8));
    set_flate_stream(*o, flate_compress(samples, 6));
    return o;
  };
  PdfObject* rgb = image_object(image.rgb, "DeviceRGB");
  if (std::any_of(image.alpha.begin(), image.alpha.end(), [](char a) { return a != '\xFF'; })) {
    rgb->GetDictionary().AddKey("SMask", image_object(image.alpha, "DeviceGray")->Reference());
  }
  return rgb->Reference();
}

// A number rounded to 1/1000 and a space, for content streams.
std::string pdf_number_text(double v) {
  std::string s;
  append_milli(s, std::llround(v * 1000));
  return s + ' ';
}

// A form XObject of `width` x `height` with `content` and `resources`: the widget's /AP /N.
PdfReference add_form(PdfMemDocument& doc, double width, double height, const std::string& content,
                      const PdfDictionary& resources) {
  PdfObject* form = doc.GetObjects().CreateObject("XObject");
  PdfDictionary& d = form->GetDictionary();
  d.AddKey(PdfName::KeySubtype, PdfName("Form"));
  PdfArray bbox;
  for (const double v : {0.0, 0.0, width, height}) bbox.push_back(PdfVariant(v));
  d.AddKey("BBox", bbox);
  d.AddKey("Resources", resources);
  set_flate_stream(*form, flate_compress(content, 6));
  return form->Reference();
}

// The image scaled to fit `box` (never enlarged beyond its size at `dpi`), centred in it.
Box fit_centred(const PngImage& image, double dpi, const Box& box) {
  const double natural_w = image.width / dpi * 72, natural_h = image.height / dpi * 72;
  const double scale = std::min({1.0, box.width / natural_w, box.height / natural_h});
  const double w = natural_w * scale, h = natural_h * scale;
  return {box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h};
}

struct Appearance {
  int page = 0;
  Box rect;
  std::string content;
  PdfDictionary resources;
};

Appearance image_appearance(PdfMemDocument& doc, const PngImage& image, int page, const Box& rect) {
  Appearance a{page, rect, {}, {}};
  a.content = "q " + pdf_number_text(rect.width) + "0 0 " + pdf_number_text(rect.height) +
              "0 0 cm /Im1 Do Q\n";
  PdfDictionary xobjects;
  xobjects.AddKey("Im1", add_image(doc, image));
  a.resources.AddKey("XObject", xobjects);
  return a;
}

// The attachment's text in the Regular face, embedded as a subset of its own code points.
Appearance text_appearance(PdfMemDocument& doc, const FontSet& fonts, const std::string& text) {
  const FontFace& face = fonts.face(FontStyle::Regular);
  std::vector<char32_t> drawn;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const char32_t cp = text::next_code_point(p, end);
    if (cp > 0xFFFF || face.glyph_id(cp) == 0) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
      throw Failure{std::string("no glyph for ") + hex + " in the attachment text"};
    }
    drawn.push_back(cp);
  }
  std::vector<char32_t> code_points = drawn;
  std::sort(code_points.begin(), code_points.end());
  code_points.erase(std::unique(code_points.begin(), code_points.end()), code_points.end());
  const EmbeddedFont font = build_embedded_font(face, code_points);

  std::string glyphs;
  long long advance = 0;  // 1e-6 em
  for (const char32_t cp : drawn) {
    const auto cid = static_cast<unsigned>(
        std::lower_bound(code_points.begin(), code_points.end(), cp) - code_points.begin() + 1);
    append_hex4(glyphs, cid);
    advance += font.advances[cid - 1];
  }
  const double width = static_cast<double>(advance) * 1e-6 * kAttachmentTextSize;
  const double height = kAttachmentTextSize * 1.25;
  const PdfRect media = doc.GetPage(0)->GetMediaBox();
  Appearance a;
  a.rect = {media.GetLeft() + media.GetWidth() - to_pt(Mm(kAttachmentRightMm)).value - width,
            media.GetBottom() + media.GetHeight() - to_pt(Mm(kAttachmentTopMm)).value - height, width, height};
  a.content = "BT /F1 " + pdf_number_text(kAttachmentTextSize) + "Tf 0 0 0 rg 0 " +
              pdf_number_text(kAttachmentTextSize * 0.3) + "Td <" + glyphs + "> Tj ET\n";
  PdfDictionary font_resources;
  font_resources.AddKey("F1", add_font_objects(doc.GetObjects(), font));
  a.resources.AddKey("Font", font_resources);
  return a;
}

// `target`: the empty field the person signs in, if any.
Appearance appearance_for(PdfMemDocument& doc, const SignatureRequest& request,
                          const std::vector<SignatureField>& fields, const SignatureField* target) {
  switch (request.role) {
    case SignatureRole::Signer: {
      const auto [page, box] = target ? std::pair{target->page, target->rect} : signature_box(doc);
      // Invisible: no image; a prepared field keeps its place with an empty appearance.
      if (!request.image) return {page, target ? box : Box{box.x, box.y, 0, 0}, {}, {}};
      const double dpi = request.image->dpi.value_or(kDefaultSignatureDpi);
      Appearance look = image_appearance(doc, *request.image, page, fit_centred(*request.image, dpi, box));
      if (target) {  // the field keeps its rectangle: the image is placed inside it
        const Box& r = look.rect;
        look.content = "q 1 0 0 1 " + pdf_number_text(r.x - box.x) + pdf_number_text(r.y - box.y) + "cm " +
                       look.content + "Q\n";
        look.rect = box;
      }
      return look;
    }
    case SignatureRole::Seal: {
      const SignatureField* signer = person_signature(fields);
      if (!signer) {
        throw Failure{"the organisation signs after the person: the PDF has no person's signature yet "
                      "(run vanban sign without --seal first)"};
      }
      const int page = signer->page;
      const Box& person = signer->rect;
      if (!request.image) return {page, {person.x, person.y, 0, 0}, {}, {}};
      const PngImage& seal = *request.image;
      double width = to_pt(Mm(request.seal_diameter_mm)).value;
      if (width <= 0) {
        if (!seal.dpi) throw Failure{"the seal's real size is unknown: give --seal-size MM or a PNG that states its DPI"};
        width = seal.width / *seal.dpi * 72;
      }
      const double height = width * seal.height / seal.width;
      // NĐ 30 Phụ lục I, mục II.8.a: the seal covers about the left third of the signature.
      const Box rect{person.x + person.width / 3 - width, person.y + person.height / 2 - height / 2, width, height};
      return image_appearance(doc, seal, page, rect);
    }
    case SignatureRole::Attachment:
      if (request.fonts == nullptr) throw Failure{"no font for the attachment text"};
      return text_appearance(doc, *request.fonts,
                             request.attachment_text + " " + vietnam_time_iso8601(request.now));
  }
  throw Failure{"unknown signature role"};
}

// Replaces the text of every <tag>...</tag> in `xml`.
void replace_element_text(std::string& xml, const std::string& tag, const std::string& text) {
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
    const std::size_t start = at + open.size(), end = xml.find(close, start);
    if (end == std::string::npos) return;
    xml.replace(start, end - start, text);
  }
}

// Signing modifies the document: PoDoFo stamps the loaded Info's /ModDate with its own clock
// reading, and PDF/A-2 (6.6.3) wants it equal to the XMP's xmp:ModifyDate. Both become the
// signing time, in UTC.
void set_modification_time(PdfMemDocument& doc, std::time_t now) {
  const std::string iso = xmp_date(now);  // 2026-12-02T03:44:23Z
  const std::string pdf_date = "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + iso.substr(11, 2) +
                               iso.substr(14, 2) + iso.substr(17, 2) + "Z";
  doc.GetInfo()->GetObject()->GetDictionary().AddKey("ModDate", PdfString(pdf_date));
  PdfObject* key = doc.GetCatalog()->GetDictionary().GetKey("Metadata");
  PdfObject* metadata = key != nullptr && key->IsReference() ? doc.GetObjects().GetObject(key->GetReference()) : nullptr;
  if (metadata == nullptr || !metadata->HasStream()) throw Failure{"the PDF has no XMP metadata (not PDF/A)"};
  char* bytes = nullptr;
  pdf_long length = 0;
  metadata->GetStream()->GetFilteredCopy(&bytes, &length);
  std::string xmp(bytes, static_cast<std::size_t>(length));
  podofo_free(bytes);
  replace_element_text(xmp, "xmp:ModifyDate", iso);
  replace_element_text(xmp, "xmp:MetadataDate", iso);
  metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
}

std::string describe(const PdfError& e) {
  std::string message = PdfError::ErrorMessage(e.GetError());
  for (const PdfErrorInfo& info : e.GetCallstack()) {
    if (!info.GetInformation().empty()) message += " (" + info.GetInformation() + ")";
  }
  return message;
}

std::string sign(const std::string& pdf, const SigningKey& key, const SignatureRequest& request) {
  // PoDoFo's parser prints debug lines (the trailer) to standard error.
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  PdfMemDocument doc;
  try {
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), true);
  } catch (const PdfError& e) {
    throw Failure{"not a PDF that can be read: " + describe(e)};
  }
  if (doc.GetEncrypt() != nullptr) throw Failure{"the PDF is encrypted (PDF/A forbids it)"};
  // PoDoFo 0.9.8's parser is not hardened against hostile files (engine-notes.md), and the
  // appearance needs the signature block vanban records: only vanban's own PDFs are signed.
  if (doc.GetInfo()->GetProducer().GetStringUtf8() != "vanban") {
    throw Failure{"the PDF was not written by vanban (its Producer is not 'vanban')"};
  }
  const std::vector<SignatureField> fields = signature_fields(doc);
  const SignatureField* target = nullptr;
  if (request.role == SignatureRole::Signer) {
    if (const SignatureField* person = person_signature(fields))
      throw Failure{"the PDF is already signed by the person (field '" + person->name + "')"};
    target = empty_field(fields, request.field);
  } else if (!request.field.empty()) {
    throw Failure{"a named field is for the person's signature, not the organisation's"};
  }

  const Appearance look = appearance_for(doc, request, fields, target);
  set_modification_time(doc, request.now);
  // No /DA and no Helvetica in /DR: a signature field needs neither, and PDF/A forbids
  // unembedded fonts.
  PdfAcroForm* form = doc.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
  form->GetObject()->GetDictionary().AddKey("SigFlags", pdf_integer(3));  // signatures, append only

  PdfRefCountedBuffer buffer;
  PdfOutputDevice out(&buffer);
  PdfSignOutputDevice device(&out);
  device.SetSignatureSize(kSignatureSpace);

  const Box& r = look.rect;
  std::optional<PdfSignatureField> filled;
  if (target) {  // the prepared field's widget gets the signature (/V) and the appearance
    PdfPage* page = doc.GetPage(target->page);
    for (int i = 0; i < page->GetNumAnnots() && !filled; ++i) {
      PdfAnnotation* widget = page->GetAnnotation(i);
      if (widget->GetObject()->Reference() == target->reference) filled.emplace(widget);
    }
    if (!filled) throw Failure{"the signature field '" + target->name + "' is not among its page's annotations"};
    filled->EnsureSignatureObject();
  } else {
    filled.emplace(doc.GetPage(look.page), PdfRect(r.x, r.y, r.width, r.height), &doc);
    filled->SetFieldName(PdfString(request.role == SignatureRole::Signer ? kSignerFieldName
                                   : request.role == SignatureRole::Seal ? kSealFieldName
                                                                          : kAttachmentFieldName));
  }
  PdfSignatureField& field = *filled;
  field.SetSignatureDate(PdfDate(request.now));
  field.SetSignature(*device.GetSignatureBeacon());
  PdfDictionary& signature = field.GetSignatureObject()->GetDictionary();
  signature.AddKey("SubFilter", PdfName("ETSI.CAdES.detached"));
  signature.AddKey("Name", PdfString(reinterpret_cast<const pdf_utf8*>(key.common_name().c_str())));
  PdfAnnotation* widget = field.GetWidgetAnnotation();
  widget->SetFlags(ePdfAnnotationFlags_Print);
  PdfDictionary ap;
  ap.AddKey("N", add_form(doc, r.width, r.height, look.content, look.resources));
  widget->GetObject()->GetDictionary().AddKey("AP", ap);

  doc.WriteUpdate(&device, true);
  if (!device.HasSignaturePosition()) throw Failure{"the signature's place was not found in the update"};
  device.AdjustByteRange();
  device.Seek(0);
  std::string signed_bytes;
  std::vector<char> chunk(65536);
  for (std::size_t n; (n = device.ReadForSignature(chunk.data(), chunk.size())) > 0;)
    signed_bytes.append(chunk.data(), n);
  TimestampSource timestamp;
  if (!request.tsa_url.empty()) {
    timestamp = [&](std::string_view value) { return request_timestamp(request.tsa_url, value); };
  }
  Result<std::string> cms = cades_detached_signature(key, signed_bytes, timestamp);
  if (!cms.ok()) throw Failure{cms.errors.front().message};
  if (cms.value->size() > kSignatureSpace) throw Failure{"the signature does not fit the space reserved for it"};
  device.SetSignature(PdfData(cms.value->data(), cms.value->size()));
  device.Flush();
  return std::string(buffer.GetBuffer(), out.GetLength());
}

}  // namespace

std::string vietnam_time_iso8601(std::time_t t) {
  const std::time_t local = t + 7 * 3600;
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

Result<std::string> sign_pdf(const std::string& pdf, const SigningKey& key,
                             const SignatureRequest& request) {
  try {
    Result<std::string> result;
    result.value = sign(pdf, key, request);
    return result;
  } catch (const Failure& f) {
    return Result<std::string>::failure({"", 0, 0, f.message});
  } catch (const PdfError& e) {
    return Result<std::string>::failure({"", 0, 0, "signing failed: " + describe(e)});
  } catch (const std::exception& e) {
    return Result<std::string>::failure({"", 0, 0, std::string("signing failed: ") + e.what()});
  }
}

}  // namespace vanban
