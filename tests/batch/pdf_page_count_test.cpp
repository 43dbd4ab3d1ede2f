#include "batch/pdf_page_count.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(PdfPageCount, ReadsTheRootOfThePageTree) {
  EXPECT_EQ(pdf_page_count("1 0 obj<</Type/Pages/Count 4/Kids[2 0 R]>>endobj"), 4);
  EXPECT_EQ(pdf_page_count("1 0 obj\n<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 12 >>\nendobj\n"
                           "2 0 obj << /Type /Pages /Parent 1 0 R /Count 5 >> endobj"),
            12);
  // A page, an outline's /Count and a catalogue are not the page tree.
  EXPECT_EQ(pdf_page_count("<</Type/Page/Parent 1 0 R>> <</Type/Outlines/Count 3>> <</Type/Catalog>>"), 0);
  EXPECT_EQ(pdf_page_count(""), 0);
}

}  // namespace
}  // namespace vanban
