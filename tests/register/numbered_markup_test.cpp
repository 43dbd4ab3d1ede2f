#include "register/numbered_markup.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

constexpr const char* kDraft = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- <number>9</number> in a comment is not the number -->
<document layout="nha-nuoc" type="cong-van" note="a > b">
  <issuer><name>Ủy ban</name><code>UBND</code></issuer>
  <place>Trường Giang</place>
  <date>2026-06-03</date>
  <subject>về <![CDATA[<date>]]> x</subject>
  <body><p>Ngày <b>3</b></p><date-like/></body>
</document>
)";

TEST(NumberedMarkup, FillsTheNumberOfADraftAndTheDate) {
  const std::optional<MarkupSlots> slots = find_markup_slots(kDraft);
  ASSERT_TRUE(slots);
  EXPECT_EQ(slots->number_begin, MarkupSlots::npos);
  const std::string issued = markup_with_number(kDraft, *slots, 12, {2026, 7, 1});
  EXPECT_NE(issued.find("<code>UBND</code></issuer>\n  <number>12</number>\n  <place>"), std::string::npos) << issued;
  EXPECT_NE(issued.find("<date>2026-07-01</date>"), std::string::npos);
  EXPECT_NE(issued.find("<!-- <number>9</number> in a comment"), std::string::npos);
  EXPECT_NE(issued.find("<![CDATA[<date>]]>"), std::string::npos);
}

TEST(NumberedMarkup, ReplacesAnExistingNumber) {
  std::string numbered = kDraft;
  numbered.replace(numbered.find("  <place>"), 0, "  <number>1234</number>\n");
  const std::optional<MarkupSlots> slots = find_markup_slots(numbered);
  ASSERT_TRUE(slots);
  const std::string issued = markup_with_number(numbered, *slots, 5, {2026, 6, 3});
  EXPECT_NE(issued.find("</issuer>\n  <number>5</number>\n  <place>"), std::string::npos) << issued;
  EXPECT_EQ(issued.find("1234"), std::string::npos);
}

TEST(NumberedMarkup, FindsTheMarksOfADocumentOutsideEverySeries) {
  EXPECT_EQ(find_markup_slots(kDraft)->outside_series, MarkupSlots::npos);  // <date-like/> is not one
  for (const char* mark : {"<unnumbered/>", "<unnumbered></unnumbered>", "<external-signing field=\"ChuKy\"/>"}) {
    std::string markup = kDraft;
    const std::size_t at = markup.find("  <place>") + 2;
    markup.replace(at, 0, std::string(mark) + "\n  ");
    const std::optional<MarkupSlots> slots = find_markup_slots(markup);
    ASSERT_TRUE(slots);
    EXPECT_EQ(slots->outside_series, at) << mark;
  }
}

TEST(NumberedMarkup, TheIdentityTextIgnoresNumberAndDateButNotTheRest) {
  std::string numbered = kDraft;
  numbered.replace(numbered.find("  <place>"), 0, "  <number>1234</number>\n");
  std::string redated = kDraft;
  redated.replace(redated.find("2026-06-03"), 10, "2027-01-09");
  const std::string base = markup_without_slots(kDraft, *find_markup_slots(kDraft));
  EXPECT_EQ(base.find("<date>2026"), std::string::npos);
  EXPECT_EQ(markup_without_slots(numbered, *find_markup_slots(numbered)), base);
  EXPECT_EQ(markup_without_slots(redated, *find_markup_slots(redated)), base);
  std::string edited = kDraft;
  edited.replace(edited.find("Ngày"), 4, "Hôm");
  EXPECT_NE(markup_without_slots(edited, *find_markup_slots(edited)), base);
}

TEST(NumberedMarkup, NoSlotsWithoutIssuerAndDate) {
  EXPECT_FALSE(find_markup_slots("<document><place>x</place></document>"));
}

}  // namespace
}  // namespace vanban
