#include "sign/png_image.h"

#include <png.h>

#include <gtest/gtest.h>

#include "sign/pdf_signer.h"

namespace vanban {
namespace {

// A 2 x 1 RGBA PNG: an opaque blue pixel and a half-transparent red one.
std::string two_pixels() {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = 2;
  image.height = 1;
  image.format = PNG_FORMAT_RGBA;
  const unsigned char pixels[] = {0, 0, 255, 255, 255, 0, 0, 128};
  png_alloc_size_t size = 0;
  png_image_write_to_memory(&image, nullptr, &size, 0, pixels, 0, nullptr);
  std::string bytes(size, '\0');
  png_image_write_to_memory(&image, bytes.data(), &size, 0, pixels, 0, nullptr);
  bytes.resize(size);
  return bytes;
}

TEST(PngImageTest, SplitsColourAndAlpha) {
  const Result<PngImage> png = decode_png(two_pixels(), "s.png");
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png.value->width, 2u);
  EXPECT_EQ(png.value->height, 1u);
  EXPECT_EQ(png.value->rgb, std::string("\x00\x00\xff\xff\x00\x00", 6));
  EXPECT_EQ(png.value->alpha, std::string("\xff\x80", 2));
  EXPECT_FALSE(png.value->dpi);
}

TEST(PngImageTest, RefusesOtherFormats) {
  const Result<PngImage> jpeg = decode_png("\xff\xd8\xff\xe0 JFIF", "s.jpg");
  ASSERT_FALSE(jpeg.ok());
  EXPECT_EQ(jpeg.errors.front().message, "not a PNG image");
  std::string truncated = two_pixels();
  truncated.resize(40);
  EXPECT_FALSE(decode_png(truncated, "s.png").ok());
}

TEST(VietnamTimeTest, Iso8601WithPlusSeven) {
  EXPECT_EQ(vietnam_time_iso8601(1796183063), "2026-12-02T10:44:23+07:00");
  EXPECT_EQ(vietnam_time_iso8601(0), "1970-01-01T07:00:00+07:00");
}

}  // namespace
}  // namespace vanban
