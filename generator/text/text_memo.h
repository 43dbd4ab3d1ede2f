// A memo of a pure function of a text, for one thread. Most text of a month repeats (headers,
// issuer names, the templates' sentences, the same name in the layout and in the HTML), so line
// breaks and word tokens are worked out once per distinct text. Bounded: when what it holds
// would pass its budget it starts over, so a month of any size never grows it further.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vanban::text {

template <class Value>
class TextMemo {
 public:
  // `bytes_of(value)`: about what a held value takes, counted against `budget_bytes`.
  TextMemo(std::size_t budget_bytes, std::size_t (*bytes_of)(const Value&))
      : budget_(budget_bytes), bytes_of_(bytes_of) {}

  // The value for `key`: the one held, else `make()`, which is then held. The reference is
  // valid until the next call; the caller may add to the value what it learns later.
  template <class Make>
  Value& get(std::string_view key, Make&& make) {
    if (const auto held = values_.find(key); held != values_.end()) return held->second;
    Value value = make();
    const std::size_t bytes = kEntryOverhead + key.size() + bytes_of_(value);
    if (bytes_ + bytes > budget_) {
      values_.clear();
      bytes_ = 0;
    }
    bytes_ += bytes;
    return values_.emplace(std::string(key), std::move(value)).first->second;
  }

  // What the held values take, by `bytes_of`: at most the budget, or one value larger than it.
  std::size_t bytes() const { return bytes_; }

 private:
  static constexpr std::size_t kEntryOverhead = 96;  // the node, its bucket, the heap blocks' headers

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::unordered_map<std::string, Value, Hash, std::equal_to<>> values_;
  std::size_t bytes_ = 0;
  std::size_t budget_;
  std::size_t (*bytes_of_)(const Value&);
};

}  // namespace vanban::text
