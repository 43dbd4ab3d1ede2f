// The end punctuation of list items in generated document markup, as administrative style
// writes a list: every item ends with ";" and the last with ".". Applied to what the month's
// templates produce, so that the rule holds whatever items a template's conditions kept and
// whatever punctuation the data's own items (topics, proposals, opinions) came with.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// `markup` with each <li> of every <ol> and <ul> that ends with a paragraph ("...</p></li>")
// ending in ";" (the last item of its list: "."). A trailing ".", ";", "," or ":" is replaced;
// an item ending in "?", "!", "…" or an XML entity keeps it and gets the mark after it only for
// the entity. Items that end with a nested list are left to that list.
std::string punctuate_list_items(std::string_view markup);

}  // namespace vanban
