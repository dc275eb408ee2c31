// Fuzzes the YAML layer (libyaml events into located nodes, aliases, merge
// keys, limits). Every node must carry a position, integer reads must agree
// with a reference conversion, and the documents returned must respect the
// limits they were loaded with, counting alias expansions. libyaml must give
// the same events and errors whether vern's reader or its own reads the input.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "support/yaml_events.h"
#include "yaml/node.h"

namespace {

using vern::yaml::Node;

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "yaml invariant broken: %s\n", what);
  std::abort();
}

// as_int must accept only an optional sign and decimal digits, and then agree
// with from_chars (which also rejects values beyond 64 bits).
void check_as_int(const Node& n) {
  std::optional<std::int64_t> v = n.as_int();
  if (!v) return;  // rejecting long but valid spellings is allowed
  std::string_view t = n.text();
  require(n.is_scalar(), "as_int accepted a collection");
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  std::string_view digits = !t.empty() && t[0] == '-' ? t.substr(1) : t;
  require(!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos,
          "as_int accepted a non-integer");
  std::int64_t ref = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), ref);
  require(ec == std::errc() && p == t.data() + t.size(), "as_int accepted an out of range value");
  require(ref == *v, "as_int disagrees with from_chars");
}

struct Walk {
  std::unordered_set<const Node*> seen;
  // Expanded size (aliases counted each time they are used) and collection
  // nesting of each distinct node, saturating.
  std::unordered_map<const Node*, std::size_t> size;
  std::unordered_map<const Node*, std::size_t> height;
};

std::size_t sat_add(std::size_t a, std::size_t b) { return a + b < a ? SIZE_MAX : a + b; }

// Post-order over the node DAG (aliases share nodes; they cannot form cycles).
void visit(const Node* n, Walk& w) {
  require(n != nullptr, "null node");
  if (!w.seen.insert(n).second) {
    require(w.size.count(n) != 0, "alias to a node that contains it");
    return;
  }
  require(n->where().line >= 1 && n->where().column >= 1, "node without a position");
  std::size_t size = 1;
  std::size_t height = 0;
  if (n->is_scalar()) {
    require(n->items().empty() && n->entries().empty(), "scalar with children");
    (void)n->is_null();
    (void)n->as_bool(false);
    std::optional<bool> b11 = n->as_bool(true);
    if (std::optional<bool> b = n->as_bool(false)) require(b11 == b, "yaml11 booleans disagree");
    check_as_int(*n);
  } else if (n->is_sequence()) {
    require(n->text().empty() && n->entries().empty(), "sequence with text or entries");
    for (const Node* item : n->items()) {
      visit(item, w);
      size = sat_add(size, w.size[item]);
      height = std::max(height, w.height[item]);
    }
    height += 1;
  } else {
    require(n->text().empty() && n->items().empty(), "mapping with text or items");
    for (const Node::Entry& e : n->entries()) {
      visit(e.key, w);
      visit(e.value, w);
      size = sat_add(size, sat_add(w.size[e.key], w.size[e.value]));
      height = std::max(height, std::max(w.height[e.key], w.height[e.value]));
      // get() finds the first entry with a scalar key, so it finds this value
      // or an earlier one with the same key.
      if (e.key->is_scalar()) {
        const Node::Entry* found = n->find(e.key->text());
        require(found && found->key->text() == e.key->text(), "find() misses a key");
        require(n->get(e.key->text()) == found->value, "get() and find() disagree");
        require(!(e.key->plain() && e.key->text() == "<<" && e.key->tag().empty()) ||
                    !(e.value->is_mapping() || e.value->is_sequence()),
                "merge key left in a mapping");
      }
    }
    height += 1;
  }
  w.size[n] = size;
  w.height[n] = height;
}

void check_stream(std::string_view input, const vern::yaml::Limits& limits) {
  vern::yaml::Stream s = vern::yaml::parse(input, limits);
  int last_error_line = 0;
  for (const vern::Error& e : s.errors) {
    require(e.line >= 1 && e.column >= 1, "error without a position");
    require(e.line >= last_error_line, "errors out of order");
    last_error_line = e.line;
  }
  std::size_t total = 0;
  for (const vern::yaml::Document& d : s.documents) {
    require(d.root != nullptr && d.storage != nullptr, "document without a root");
    require(d.where.line >= 1, "document without a position");
    Walk w;
    visit(d.root, w);
    total = sat_add(total, w.size[d.root]);
    require(w.height[d.root] <= limits.max_depth, "nesting beyond max_depth through aliases");
    for (const Node* n : w.seen) {
      if (n->is_scalar()) require(n->text().size() <= limits.max_scalar_bytes, "oversized scalar");
    }
  }
  require(total <= limits.max_nodes, "more nodes than max_nodes through aliases");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string text(input);
  require(vern::testing::events_of(text, vern::testing::Reader::vern) ==
              vern::testing::events_of(text, vern::testing::Reader::libyaml),
          "vern's reader and libyaml's give different events");
  check_stream(input, vern::yaml::Limits{});
  // Tight limits, so that inputs the fuzzer can reach actually hit them.
  vern::yaml::Limits tight;
  tight.max_depth = 8;
  tight.max_nodes = 300;
  tight.max_scalar_bytes = 64;
  check_stream(input, tight);
  return 0;
}
