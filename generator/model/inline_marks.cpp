#include "model/inline_marks.h"

#include <vector>

namespace vanban {

namespace {

struct Token {
  enum class Kind { Text, Bold, Italic } kind;
  std::string text;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  const auto text = [&](char c) {
    if (tokens.empty() || tokens.back().kind != Token::Kind::Text) tokens.push_back({Token::Kind::Text, {}});
    tokens.back().text += c;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '*' || s[i + 1] == '\\')) {
      text(s[i + 1]);
      ++i;
    } else if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      tokens.push_back({Token::Kind::Bold, "**"});
      ++i;
    } else if (s[i] == '*') {
      tokens.push_back({Token::Kind::Italic, "*"});
    } else {
      text(s[i]);
    }
  }
  return tokens;
}

// A mark without its partner is text: the last one of a kind when the kind's count is odd.
void demote_unpaired(std::vector<Token>& tokens, Token::Kind kind) {
  int count = 0;
  Token* last = nullptr;
  for (Token& t : tokens)
    if (t.kind == kind) ++count, last = &t;
  if (count % 2 == 1) last->kind = Token::Kind::Text;
}

}  // namespace

Inlines parse_marks(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);
  demote_unpaired(tokens, Token::Kind::Bold);
  demote_unpaired(tokens, Token::Kind::Italic);
  Inlines runs;
  bool bold = false, italic = false;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::Bold) {
      bold = !bold;
    } else if (t.kind == Token::Kind::Italic) {
      italic = !italic;
    } else if (!runs.empty() && runs.back().bold == bold && runs.back().italic == italic) {
      runs.back().text += t.text;
    } else {
      runs.push_back({t.text, bold, italic});
    }
  }
  return runs;
}

std::string write_marks(const Inlines& runs) {
  // The parser toggles a style at each mark, in any order, so each boundary writes one mark per
  // style that changes: at most "***", never two marks of one kind side by side.
  std::string out;
  bool bold = false, italic = false;
  for (const TextRun& run : runs) {
    if (run.text.empty()) continue;
    if (bold != run.bold) out += "**", bold = run.bold;
    if (italic != run.italic) out += '*', italic = run.italic;
    for (char c : run.text) {
      if (c == '*' || c == '\\') out += '\\';
      out += c;
    }
  }
  if (bold) out += "**";
  if (italic) out += '*';
  return out;
}

}  // namespace vanban
