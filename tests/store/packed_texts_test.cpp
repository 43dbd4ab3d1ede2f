#include "store/packed_texts.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(PackedTexts, RoundTripsAnyTexts) {
  const std::vector<std::string> texts = {"", "Giá vật tư nông nghiệp", "3:ab", std::string("a\0b", 3), "12:"};
  const std::string packed = pack_texts(std::vector<std::string_view>(texts.begin(), texts.end()));
  EXPECT_EQ(packed, "0:29:Giá vật tư nông nghiệp4:3:ab" + std::string("3:a\0b", 5) + "3:12:");
  EXPECT_EQ(unpack_texts(packed), texts);
}

TEST(PackedTexts, EmptyListIsEmptyText) {
  EXPECT_EQ(pack_texts({}), "");
  EXPECT_EQ(unpack_texts(""), std::vector<std::string>{});
}

TEST(PackedTexts, RejectsWhatPackDoesNotWrite) {
  EXPECT_FALSE(unpack_texts("5:abc"));    // shorter than its length
  EXPECT_FALSE(unpack_texts("3abc"));     // no colon
  EXPECT_FALSE(unpack_texts("x:abc"));    // no length
  EXPECT_FALSE(unpack_texts("3:abc2"));   // a length with no text
}

}  // namespace
}  // namespace vanban
