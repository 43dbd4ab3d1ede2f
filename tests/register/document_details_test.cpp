#include "register/document_details.h"

#include <gtest/gtest.h>

#include "input/markup_reader.h"
#include "input/profile_reader.h"

namespace vanban {
namespace {

struct Sample {
  Document doc;
  ProfileRegistry profiles{{}};
};

Sample read_sample(const std::string& name) {
  const std::string source = VANBAN_SOURCE_DIR;
  Sample s;
  Result<ProfileRegistry> profiles =
      load_profiles(source + "/templates/profiles", source + "/templates/schema/profile.rng");
  EXPECT_TRUE(profiles.ok());
  s.profiles = std::move(*profiles.value);
  Result<Document> doc =
      read_document(source + "/content/documents/" + name, {source + "/templates/schema/document.rng", {}, {}});
  EXPECT_TRUE(doc.ok());
  s.doc = std::move(*doc.value);
  return s;
}

TEST(DocumentDetails, TheStateDispatchAsTheRegisterFormRecordsIt) {
  const Sample s = read_sample("cong-van-nha-nuoc.xml");
  const DocumentDetails d = document_details(s.doc, *s.profiles.find("nha-nuoc", "", s.doc.date));
  EXPECT_EQ(d.family, "nha-nuoc");
  EXPECT_EQ(d.type_name, "Công văn");
  EXPECT_EQ(d.subject, "bố trí địa điểm và kinh phí cho sinh hoạt định kỳ của chi hội, tổ hội");
  EXPECT_EQ(d.signer, "Nguyễn Thị Kim Xuyến");
  EXPECT_TRUE(d.recipients.starts_with("Sở Tài chính; Sở Văn hóa, Thể thao và Du lịch; Sở Nội vụ; "
                                       "Ủy ban nhân dân các xã, phường; Chủ tịch, các Phó Chủ tịch"))
      << d.recipients;
  EXPECT_EQ(d.archive, "VT, VX");
  EXPECT_EQ(d.copies, 4 + 4 + 2);  // addressees, recipients, archive holders
}

TEST(DocumentDetails, APartyDirectiveKeepsItsTypeName) {
  const Sample s = read_sample("chi-thi-dang.xml");
  const DocumentDetails d = document_details(s.doc, *s.profiles.find("dang", "", s.doc.date));
  EXPECT_EQ(d.type_name, "Chỉ thị");
  EXPECT_EQ(d.signer, "Lê Hoàng Phúc");
  EXPECT_EQ(d.archive, "Văn phòng Tỉnh ủy");
  EXPECT_EQ(d.copies, 7 + 1);
}

}  // namespace
}  // namespace vanban
