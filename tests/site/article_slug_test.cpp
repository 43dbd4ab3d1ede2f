#include "site/article_slug.h"

#include <gtest/gtest.h>

namespace vanban::site {
namespace {

TEST(Slug, AsciiFromTheVietnameseSubject) {
  EXPECT_EQ(slug("Uốn nắn việc sinh hoạt với chi, tổ hội"), "uon-nan-viec-sinh-hoat-voi-chi-to-hoi");
  EXPECT_EQ(slug("Về công tác của Đảng ủy"), "ve-cong-tac-cua-dang-uy");
  EXPECT_EQ(slug("  --Số 18/CT-UBND!! "), "so-18-ct-ubnd");
  EXPECT_EQ(slug("«»…"), "");
}

TEST(Slug, BoundedAtAWordBoundary) {
  std::string subject;
  for (int i = 0; i < 40; ++i) subject += "sinh hoạt ";
  const std::string s = slug(subject);
  EXPECT_LE(s.size(), kMaxSlugLength);
  EXPECT_GT(s.size(), kMaxSlugLength - 8);
  EXPECT_NE(s.back(), '-');
  EXPECT_EQ(s.substr(s.size() - 4), "hoat");
}

TEST(SlugBook, SameSubjectTakesTheQualifierThatIsFree) {
  SlugBook book;
  EXPECT_EQ(book.claim("m/a", "Chấn chỉnh việc dự sinh hoạt", {"Ban Tuyên giáo", "Đảng ủy xã Tân Lộc"}),
            "chan-chinh-viec-du-sinh-hoat");
  EXPECT_EQ(book.claim("m/b", "Chấn chỉnh việc dự sinh hoạt", {"Ban Tuyên giáo", "Đảng ủy xã Tân Lộc"}),
            "chan-chinh-viec-du-sinh-hoat-ban-tuyen-giao");
  // Same subject and issuer: the addressee tells them apart.
  EXPECT_EQ(book.claim("m/c", "Chấn chỉnh việc dự sinh hoạt", {"Ban Tuyên giáo", "Hội Nông dân tỉnh"}),
            "chan-chinh-viec-du-sinh-hoat-hoi-nong-dan-tinh");
  // Everything taken: a duplicate, named by who holds it.
  EXPECT_EQ(book.claim("m/d", "Chấn chỉnh việc dự sinh hoạt", {"Ban Tuyên giáo", "Hội Nông dân tỉnh"}), "");
  EXPECT_EQ(book.holder("chan-chinh-viec-du-sinh-hoat-hoi-nong-dan-tinh"), "m/c");
  // The same key gets the same slug again.
  EXPECT_EQ(book.claim("m/a", "anything", {}), "chan-chinh-viec-du-sinh-hoat");
}

TEST(SlugBook, QualifierKeptWholeWhenTheSubjectIsLong) {
  SlugBook book;
  std::string subject;
  for (int i = 0; i < 30; ++i) subject += "báo cáo ";
  book.claim("a", subject, {});
  const std::string second = book.claim("b", subject, {"Đảng ủy phường Bình Hải"});
  EXPECT_LE(second.size(), kMaxSlugLength);
  EXPECT_EQ(second.substr(second.size() - 24), "-dang-uy-phuong-binh-hai");
}

TEST(SlugBook, EarlierAddressesAreKeptAcrossRebuilds) {
  // Run 1 gave "b" the plain slug ("a" did not exist yet).
  SlugBook first;
  EXPECT_EQ(first.claim("b", "Kế hoạch", {"Tỉnh ủy"}), "ke-hoach");
  // Run 2: "a" is new and comes first in order, yet "b" keeps its address.
  SlugBook second(first.assigned());
  second.keep_earlier({"a", "b"});
  EXPECT_EQ(second.claim("a", "Kế hoạch", {"Ban Dân vận"}), "ke-hoach-ban-dan-van");
  EXPECT_EQ(second.claim("b", "Kế hoạch", {"Tỉnh ủy"}), "ke-hoach");
}

}  // namespace
}  // namespace vanban::site
