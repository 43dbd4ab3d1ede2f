// A RELAX NG grammar read as data, to explain in plain words why a document is invalid.
// libxml2 decides validity, but its RELAX NG messages backtrack through alternatives ("Expecting
// element place, got number" for a bad <number>, "Expecting an element , got nothing" with no
// name). This model walks the document against the same grammar (derivatives over child element
// names, attributes and values checked per element) and says what was expected where.
// It understands the subset of RELAX NG our schemas use; an optional foreign attribute
// v:expected="..." (xmlns:v="urn:vanban:schema") on a <data>, <value> or <choice> says how a
// valid value looks. Internal to input/.
#pragma once

#include <memory>
#include <string>
#include <vector>

typedef struct _xmlDoc xmlDoc;
typedef struct _xmlNode xmlNode;

namespace vanban {

struct Pattern;

class SchemaModel {
 public:
  struct Problem {
    const xmlNode* node;  // where the problem is: the element, attribute owner or text node
    std::string message;
  };

  // Reads the grammar from a parsed .rng document; nullptr and `error` set if it uses
  // something this model does not understand.
  static std::unique_ptr<SchemaModel> build(const xmlDoc* rng, std::string& error);
  ~SchemaModel();

  // Every problem found, in document order; empty if the document is valid for this model.
  std::vector<Problem> explain(const xmlDoc* doc) const;

 private:
  SchemaModel();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban
