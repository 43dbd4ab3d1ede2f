// What the resolved document carries for both writers: the contents entries, the list markers,
// and "Nơi nhận" entries whose one-line purpose is said in words.
#include "profile/resolved_document.h"

#include <gtest/gtest.h>

#include "../input/input_test_util.h"
#include "input/profile_reader.h"
#include "profile/recipient_purpose.h"
#include "profile/resolve.h"

namespace vanban {
namespace {

using testing::profile_schema;
using testing::source_path;

Profile shipped(const std::string& file) {
  Result<Profile> r = read_profile(source_path("templates/profiles/" + file), profile_schema());
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r.value : Profile{};
}

Block text_block(Block::Kind kind, std::string text, int level = 1) {
  Block b;
  b.kind = kind;
  b.level = level;
  b.inlines = {{std::move(text), false, false}};
  return b;
}

Block list(Block::Kind kind, std::vector<std::vector<Block>> items) {
  Block b;
  b.kind = kind;
  for (auto& blocks : items) b.items.push_back({std::move(blocks), ""});
  return b;
}

TEST(ResolvedDocument, ContentsListTheBodysOwnLevelOneHeadings) {
  Block toc;
  toc.kind = Block::Kind::Toc;
  Block box;
  box.kind = Block::Kind::Box;
  box.blocks = {text_block(Block::Kind::Heading, "Câu hỏi")};
  const std::vector<Block> body = {
      toc,
      text_block(Block::Kind::Heading, "Chuyên đề 1"),
      text_block(Block::Kind::Paragraph, "Nội dung."),
      box,
      list(Block::Kind::OrderedList, {{text_block(Block::Kind::Heading, "Trong danh sách")}}),
      text_block(Block::Kind::Heading, "Tiểu mục", 2),
      text_block(Block::Kind::Heading, "Chuyên đề 2"),
  };
  const std::vector<ContentsEntry> entries = contents_entries(body);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].text, "Chuyên đề 1");
  EXPECT_EQ(entries[0].block, 1u);
  EXPECT_EQ(entries[1].text, "Chuyên đề 2");
  EXPECT_EQ(entries[1].block, 6u);
}

// Party markers per depth: "1." / "-", then "a)" / "+", then "-" / "-"; a box keeps its depth.
TEST(ResolvedDocument, ListItemsCarryTheProfilesMarkers) {
  const Profile p = shipped("dang-36-2018.xml");
  const Block leaf = text_block(Block::Kind::Paragraph, "x");
  Block box;
  box.kind = Block::Kind::Box;
  box.blocks = {list(Block::Kind::DashList, {{leaf}})};
  std::vector<Block> body = {
      list(Block::Kind::OrderedList,
           {{leaf, list(Block::Kind::OrderedList, {{leaf}, {leaf}}), list(Block::Kind::DashList, {{leaf}})},
            {leaf}, {leaf}}),
      box};
  mark_list_items(body, p);
  const auto& outer = body[0].items;
  EXPECT_EQ(outer[0].marker, "1.");
  EXPECT_EQ(outer[2].marker, "3.");
  EXPECT_EQ(outer[0].blocks[1].items[1].marker, "b)");
  EXPECT_EQ(outer[0].blocks[2].items[0].marker, "+");
  EXPECT_EQ(body[1].blocks[0].items[0].marker, "-");
}

TEST(RecipientPurpose, APurposeInWordsIsLowerCaseInParentheses) {
  EXPECT_EQ(purpose_in_parentheses("Báo cáo"), "(để báo cáo)");
  EXPECT_EQ(purpose_in_parentheses("Để biết"), "(để biết)");
  EXPECT_EQ(purpose_in_parentheses("Đôn đốc thực hiện"), "(để đôn đốc thực hiện)");
  EXPECT_EQ(purpose_in_parentheses("(để thực hiện)"), "(để thực hiện)");
}

// The purpose goes before the line's own end mark; groups of several lines keep their brace.
TEST(RecipientPurpose, OnlyOneLineGroupsTakeTheirPurposeInline) {
  RecipientSetup state;
  state.item_end = ";";
  state.last_end = ".";
  std::vector<ResolvedRecipient> r = {{{"- Như trên;"}, ""},
                                      {{"- UBND tỉnh;", "- Bộ Nội vụ;"}, "Báo cáo"},
                                      {{"- Sở Tài chính;"}, "Phối hợp"},
                                      {{"- Thường trực HĐND tỉnh."}, "Báo cáo"}};
  inline_single_purposes(r, state);
  EXPECT_EQ(r[0].lines, std::vector<std::string>{"- Như trên;"});
  EXPECT_EQ(r[1].purpose, "Báo cáo");
  EXPECT_EQ(r[1].lines.size(), 2u);
  EXPECT_EQ(r[2].lines, std::vector<std::string>{"- Sở Tài chính (để phối hợp);"});
  EXPECT_TRUE(r[2].purpose.empty());
  EXPECT_EQ(r[3].lines, std::vector<std::string>{"- Thường trực HĐND tỉnh (để báo cáo)."});
}

// Through resolve(): what both writers receive.
TEST(RecipientPurpose, ResolveWritesAOneLineGroupAsText) {
  const Profile p = shipped("dang-36-2018.xml");
  Document d;
  d.source_file = "t.xml";
  d.layout = "dang";
  d.type = "cong-van";
  d.issuer = {"", "Ban Dân vận Tỉnh ủy", "BDVTU", ""};
  d.place = "Vĩnh Giang";
  d.date = {2026, 11, 6};
  d.recipients.entries = {{{"Thường trực Tỉnh ủy"}, "Báo cáo"}, {{"Lãnh đạo Ban"}, ""}};
  d.recipients.archive = "Ban Dân vận Tỉnh ủy";
  const Result<ResolvedDocument> r = resolve(d, p, 0);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value->recipients.size(), 3u);
  EXPECT_EQ(r.value->recipients[0].lines, std::vector<std::string>{"- Thường trực Tỉnh ủy (để báo cáo),"});
  EXPECT_TRUE(r.value->recipients[0].purpose.empty());
  EXPECT_EQ(r.value->recipients[2].lines, std::vector<std::string>{"- Lưu Ban Dân vận Tỉnh ủy."});
}

}  // namespace
}  // namespace vanban
