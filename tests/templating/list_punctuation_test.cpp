#include "templating/list_punctuation.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(ListPunctuation, ItemsEndWithSemicolonsAndTheLastWithAFullStop) {
  EXPECT_EQ(punctuate_list_items("<ol><li><p>Một</p></li><li><p>Hai.</p></li>"
                                 "<li><p>Ba;</p></li></ol>"),
            "<ol><li><p>Một;</p></li><li><p>Hai;</p></li><li><p>Ba.</p></li></ol>");
  // Each list on its own; white space kept; an item ending in a styled run gets the mark after it.
  EXPECT_EQ(punctuate_list_items("<ul>\n  <li><p><i>A:</i> b,</p></li>\n</ul><p>x</p>"
                                 "<ol start=\"2\"><li><p>c <b>d</b></p></li></ol>"),
            "<ul>\n  <li><p><i>A:</i> b.</p></li>\n</ul><p>x</p>"
            "<ol start=\"2\"><li><p>c <b>d</b>.</p></li></ol>");
}

TEST(ListPunctuation, QuestionsEntitiesAndNestedListsAreRespected) {
  EXPECT_EQ(punctuate_list_items("<ol><li><p>Vì sao?</p></li><li><p>A &amp;</p></li></ol>"),
            "<ol><li><p>Vì sao?</p></li><li><p>A &amp;.</p></li></ol>");
  // The outer item ending with a nested list is left to that list.
  EXPECT_EQ(punctuate_list_items("<ol><li><p>a</p><ul><li><p>b</p></li><li><p>c</p></li></ul>"
                                 "</li><li><p>d</p></li></ol>"),
            "<ol><li><p>a</p><ul><li><p>b;</p></li><li><p>c.</p></li></ul>"
            "</li><li><p>d.</p></li></ol>");
  EXPECT_EQ(punctuate_list_items("<p>no list.</p>"), "<p>no list.</p>");
}

}  // namespace
}  // namespace vanban
