// Builds Node trees from libyaml's event stream.
#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "yaml/arena.h"
#include "yaml/event.h"
#include "yaml/node.h"
#include "yaml/parse_memory.h"
#include "yaml/reader.h"
#include "yaml/resume.h"

namespace vern::yaml {

namespace {

static_assert(std::is_trivially_destructible_v<Node>);
static_assert(sizeof(Node) <= 40);

// Saturating add for expansion counts, so alias bombs cannot overflow.
std::size_t add_sat(std::size_t a, std::size_t b) {
  std::size_t r = a + b;
  return r < a ? SIZE_MAX : r;
}

// A loaded node with what an alias to it costs: its size with every alias
// inside expanded, and how many collection levels it nests. Both are kept for
// every node, not only anchored ones, so that wrapping aliases in a plain
// collection cannot hide their expansion from the limits.
struct Parsed {
  const Node* node = nullptr;
  std::size_t weight = 1;
  std::size_t height = 0;  // 0 for a scalar, 1 + the deepest child for a collection
};

}  // namespace

// Friend of Node: the only code that writes nodes.
class Loader {
 public:
  // How many syntax errors one stream reports before loading stops.
  static constexpr std::size_t k_max_errors = 20;

  Loader(std::string_view content, const Limits& limits)
      // A manifest's tree takes a few times its text; start near that.
      : m_content(content),
        m_limits(limits),
        m_arena(
            std::make_shared<Arena>(std::clamp<std::size_t>(content.size() * 4, 1024, 1 << 20))) {}
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // Loads the documents from the start; after a syntax error, again from the
  // next line that opens a document, so one broken document does not hide
  // the ones after it. A limit error ends the stream: what it guards against
  // would only repeat.
  Stream run() {
    Stream out;
    std::size_t offset = 0;
    int first_line = 1;
    while (true) {
      const std::size_t documents = out.documents.size();
      const std::size_t errors = out.errors.size();
      std::optional<Error> err = run_from(offset, m_content.size() - offset, first_line, out);
      if (!err) break;
      int resume_line = std::max(err->line, first_line + 1);
      if (m_reader_error) {
        // libyaml checks a whole window of its input (16 KiB) before it scans
        // any of it, so the documents before a bad byte in that window were
        // never read: read the part before the bad byte's document again, on
        // its own. The bad byte's line cannot be read at all.
        out.documents.erase(out.documents.begin() + std::ptrdiff_t(documents), out.documents.end());
        out.errors.erase(out.errors.begin() + std::ptrdiff_t(errors), out.errors.end());
        if (auto end = last_document_start(m_content, offset, first_line, err->line)) {
          std::optional<Error> before = run_from(offset, end->first - offset, first_line, out);
          if (before) out.errors.push_back(std::move(*before));
        }
        resume_line = std::max(err->line + 1, first_line + 1);
      }
      out.errors.push_back(std::move(*err));
      const Error& e = out.errors.back();
      if (e.kind == Error::Kind::limit_exceeded || out.errors.size() >= k_max_errors) break;
      auto next = next_document_start(m_content, offset, first_line, resume_line);
      if (!next) break;
      std::tie(offset, first_line) = *next;
    }
    // In file order: a duplicate key met through an alias is located where
    // its anchor was written, which can be above an error recorded before it.
    std::stable_sort(out.errors.begin(), out.errors.end(), [](const Error& a, const Error& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    return out;
  }

 private:
  // Loads documents from the `length` bytes at `offset` (the start of line
  // `first_line`) into `out` until their end or an error, which it returns.
  std::optional<Error> run_from(std::size_t offset, std::size_t length, int first_line,
                                Stream& out) {
    m_line_offset = first_line - 1;
    m_reader_error = false;
    const bool after_error = !out.errors.empty();
    yaml_parser_initialize(&m_parser);
    // Deleted on every way out.
    std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&m_parser, yaml_parser_delete);
    m_rest = m_content.substr(offset, length);
    set_input(m_parser, m_input, m_rest);
    while (true) {
      yaml_event_t ev;
      if (!yaml_parser_parse(&m_parser, &ev)) return parser_error();
      yaml_event_type_t type = ev.type;
      Location at = location_of(ev.start_mark);
      release(ev);
      if (type == YAML_STREAM_END_EVENT) return std::nullopt;
      if (type != YAML_DOCUMENT_START_EVENT) continue;  // STREAM_START
      Document doc;
      doc.where = at;
      doc.after_error = after_error;
      m_anchors.clear();
      std::optional<Error> err;
      const Node* root = parse_node(0, err).node;
      if (!err) err = expect_document_end();
      // A duplicate key is an error but leaves its document usable.
      for (Error& e : m_soft_errors) out.errors.push_back(std::move(e));
      m_soft_errors.clear();
      if (err) return err;
      doc.root = root;
      doc.storage = m_arena;
      out.documents.push_back(std::move(doc));
    }
  }

  Location location_of(const yaml_mark_t& mark) const {
    return Location{int(mark.line) + 1 + m_line_offset, int(mark.column) + 1};
  }

  Error parser_error() {
    m_reader_error = m_parser.error == YAML_READER_ERROR;
    if (m_reader_error) {
      // The reader gives a byte offset, not a mark.
      Location at = location_of(mark_at(m_rest, m_parser.problem_offset));
      return Error::invalid("YAML syntax error: " + reader_problem(m_parser), at.line, at.column);
    }
    std::string msg = m_parser.problem ? m_parser.problem : "invalid YAML";
    if (m_parser.context) msg = std::string(m_parser.context) + ": " + msg;
    Location at = location_of(m_parser.problem_mark);
    return Error::invalid("YAML syntax error: " + msg, at.line, at.column);
  }

  std::optional<Error> expect_document_end() {
    yaml_event_t ev;
    if (!yaml_parser_parse(&m_parser, &ev)) return parser_error();
    release(ev);
    return std::nullopt;
  }

  Node* new_node(Node::Kind kind, Location at, const unsigned char* tag) {
    Node* n = m_arena->node();
    n->m_kind = kind;
    n->m_where = at;
    if (tag) {
      const char* t = reinterpret_cast<const char*>(tag);
      std::string_view copied = m_arena->copy(t, std::strlen(t));
      n->m_tag = copied.data();
      n->m_tag_size = std::uint32_t(copied.size());
    }
    return n;
  }

  static Error limit_at(std::string message, Location at) {
    Error e = Error::limit(std::move(message));
    e.line = at.line;
    e.column = at.column;
    return e;
  }

  // Adds `weight` nodes to the document's count; true when that passes the
  // limit (too_large() then says so).
  bool over_limit(std::size_t weight) {
    m_total = add_sat(m_total, weight);
    return m_total > m_limits.max_nodes;
  }

  Error too_large(Location at) const {
    return limit_at("document too large: more than " + std::to_string(m_limits.max_nodes) +
                        " nodes after expanding aliases (alias bomb?)",
                    at);
  }

  std::optional<Error> too_deep(Location at) const {
    return limit_at("nesting deeper than " + std::to_string(m_limits.max_depth) + " levels", at);
  }

  // Parses one node starting with the next event. node is nullptr on error.
  Parsed parse_node(std::size_t depth, std::optional<Error>& err) {
    if (!yaml_parser_parse(&m_parser, &m_ev)) {
      err = parser_error();
      return {};
    }
    return parse_event(depth, err);
  }

  // Parses the node that starts with m_ev, which it deletes.
  Parsed parse_event(std::size_t depth, std::optional<Error>& err) {
    yaml_event_t& ev = m_ev;
    Location at = location_of(ev.start_mark);
    Parsed result;
    switch (ev.type) {
      case YAML_ALIAS_EVENT: {
        std::string name = reinterpret_cast<const char*>(ev.data.alias.anchor);
        auto it = m_anchors.find(name);
        if (it == m_anchors.end()) {
          err = Error::invalid("unknown alias *" + name, at.line, at.column);
        } else if (it->second.height > 0 && depth + it->second.height > m_limits.max_depth) {
          // The anchored collection was within the limit where it was written,
          // but not here: aliases must not stack nesting beyond max_depth.
          err = too_deep(at);
        } else if (over_limit(it->second.weight)) [[unlikely]] {
          err = too_large(at);
        } else {
          result = it->second;
        }
        break;
      }
      case YAML_SCALAR_EVENT: {
        if (ev.data.scalar.length > m_limits.max_scalar_bytes) {
          err = limit_at("scalar of " + std::to_string(ev.data.scalar.length) +
                             " bytes exceeds the limit of " +
                             std::to_string(m_limits.max_scalar_bytes),
                         at);
          break;
        }
        Node* n = new_node(Node::Kind::scalar, at, ev.data.scalar.tag);
        std::string_view text = m_arena->copy(reinterpret_cast<const char*>(ev.data.scalar.value),
                                              ev.data.scalar.length);
        n->m_data = text.data();
        n->m_size = std::uint32_t(text.size());
        n->m_plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE ||
                     ev.data.scalar.style == YAML_ANY_SCALAR_STYLE;
        if (!n->tag().empty() && n->tag() != "?") n->m_plain = false;
        result.node = n;
        remember(ev.data.scalar.anchor, result);
        if (over_limit(1)) [[unlikely]] {
          err = too_large(at);
          result = {};
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        bool mapping = ev.type == YAML_MAPPING_START_EVENT;
        if (depth >= m_limits.max_depth) {
          err = too_deep(at);
          break;
        }
        const unsigned char* anchor =
            mapping ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
        const unsigned char* tag = mapping ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
        Node* n = new_node(mapping ? Node::Kind::mapping : Node::Kind::sequence, at, tag);
        std::string anchor_name = anchor ? reinterpret_cast<const char*>(anchor) : "";
        release(ev);
        if (over_limit(1)) [[unlikely]] {
          err = too_large(at);
          return {};
        }
        Parsed p = mapping ? parse_mapping(*n, depth, err) : parse_sequence(*n, depth, err);
        if (err) return {};
        p.node = n;
        if (!anchor_name.empty()) m_anchors[anchor_name] = p;
        return p;
      }
      default:
        err = Error::invalid("unexpected YAML event", at.line, at.column);
        break;
    }
    release(ev);
    return result;
  }

  void remember(const unsigned char* anchor, const Parsed& p) {
    if (anchor) m_anchors[reinterpret_cast<const char*>(anchor)] = p;
  }

  // Adds a child's cost to its collection's.
  static void add_child(Parsed& parent, const Parsed& child) {
    parent.weight = add_sat(parent.weight, child.weight);
    parent.height = std::max(parent.height, child.height + 1);
  }

  // Parses items until SEQUENCE_END. Returns the subtree's cost (node unset).
  Parsed parse_sequence(Node& seq, std::size_t depth, std::optional<Error>& err) {
    Parsed self;
    self.height = 1;
    // Children collect on a stack shared by all levels and are copied out
    // once, so a collection is one allocation however many items it has.
    const std::size_t base = m_item_stack.size();
    while (true) {
      Parsed item = parse_item(depth + 1, err);
      if (err || !item.node) break;
      m_item_stack.push_back(item.node);
      add_child(self, item);
    }
    std::span<const Node* const> items =
        m_arena->copy(std::span<const Node* const>(m_item_stack).subspan(base));
    seq.m_data = items.data();
    seq.m_size = std::uint32_t(items.size());
    m_item_stack.resize(base);
    return self;
  }

  Parsed parse_mapping(Node& map, std::size_t depth, std::optional<Error>& err) {
    Parsed self;
    self.height = 1;
    std::vector<const Node*> merges;
    const std::size_t base = m_entry_stack.size();
    // The explicit keys' places by text, once the mapping is too large to
    // search them in turn.
    std::unordered_map<std::string_view, std::size_t> index;
    while (true) {
      Parsed key = parse_item(depth + 1, err);
      if (err || !key.node) break;
      // Checked before the value is read, so errors stay in file order.
      std::size_t earlier = duplicate_of(*key.node, base, index);
      Parsed value = parse_node(depth + 1, err);
      if (err) break;
      if (earlier != k_none) {
        // Kept once, with the last value: what the Kubernetes API server and
        // most YAML readers use (Compose refuses the file).
        m_entry_stack[earlier] = {key.node, value.node, std::uint32_t(key.node->text().size())};
        add_child(self, key);
        add_child(self, value);
        continue;
      }
      if (key.node->is_scalar() && key.node->plain() && key.node->text() == "<<" &&
          (value.node->is_mapping() || value.node->is_sequence())) {
        // Merged entries are a subset of the merge value, so its whole cost
        // bounds theirs (a slight over-count when explicit keys win).
        merges.push_back(value.node);
        add_child(self, value);
        continue;
      }
      m_entry_stack.push_back(
          {key.node, value.node,
           key.node->is_scalar() ? std::uint32_t(key.node->text().size()) : Node::k_not_scalar});
      add_child(self, key);
      add_child(self, value);
    }
    if (!err) apply_merges(merges, base);
    std::span<const Node::Entry> entries =
        m_arena->copy(std::span<const Node::Entry>(m_entry_stack).subspan(base));
    map.m_data = entries.data();
    map.m_size = std::uint32_t(entries.size());
    m_entry_stack.resize(base);
    return self;
  }

  static constexpr std::size_t k_none = SIZE_MAX;
  static constexpr std::size_t k_index_from = 16;  // entries searched in turn below this

  // The place in m_entry_stack[base..] of an earlier explicit entry with the
  // same scalar key as `key`, recording the duplicate as an error; k_none when
  // there is none (`<<` merge keys are not entries).
  std::size_t duplicate_of(const Node& key, std::size_t base,
                           std::unordered_map<std::string_view, std::size_t>& index) {
    if (!key.is_scalar() || (key.plain() && key.text() == "<<")) return k_none;
    std::string_view text = key.text();
    std::size_t count = m_entry_stack.size() - base;
    std::size_t found = k_none;
    if (count < k_index_from) {
      for (std::size_t i = base; i < m_entry_stack.size(); ++i) {
        const Node::Entry& e = m_entry_stack[i];
        if (e.key_size == text.size() && e.key->text() == text) {
          found = i;
          break;
        }
      }
    } else {
      if (index.empty()) {
        for (std::size_t i = base; i < m_entry_stack.size(); ++i) {
          const Node::Entry& e = m_entry_stack[i];
          if (e.key_size != Node::k_not_scalar) index.emplace(e.key->text(), i);
        }
      }
      auto [it, added] = index.emplace(text, m_entry_stack.size());
      if (!added) found = it->second;
    }
    if (found == k_none) return k_none;
    Location first = m_entry_stack[found].key->where();
    Location at = key.where();
    if (m_soft_errors.size() >= k_max_errors) return found;
    m_soft_errors.push_back(Error::invalid("duplicate key \"" + std::string(text) +
                                               "\" (first at line " + std::to_string(first.line) +
                                               "): the last value is read",
                                           at.line, at.column));
    return found;
  }

  // Appends the entries of merge sources (`<<: *a` or `<<: [*a, *b]`) to the
  // mapping being built at m_entry_stack[base..]: explicit entries win, and
  // earlier merge sources win over later ones.
  void apply_merges(const std::vector<const Node*>& merges, std::size_t base) {
    auto present = [&](std::string_view key) {
      for (std::size_t i = base; i < m_entry_stack.size(); ++i) {
        const Node* k = m_entry_stack[i].key;
        if (k->is_scalar() && k->text() == key) return true;
      }
      return false;
    };
    auto merge_from = [&](const Node* src) {
      for (const Node::Entry& e : src->entries()) {
        if (e.key->is_scalar() && present(e.key->text())) continue;
        m_entry_stack.push_back(e);
      }
    };
    for (const Node* m : merges) {
      if (m->is_mapping()) {
        merge_from(m);
        continue;
      }
      for (const Node* s : m->items()) {
        if (s->is_mapping()) merge_from(s);
      }
    }
  }

  // Parses the next node; node is nullptr (without error) at a collection end.
  Parsed parse_item(std::size_t depth, std::optional<Error>& err) {
    if (!yaml_parser_parse(&m_parser, &m_ev)) {
      err = parser_error();
      return {};
    }
    if (m_ev.type == YAML_SEQUENCE_END_EVENT || m_ev.type == YAML_MAPPING_END_EVENT) {
      release(m_ev);
      return {};
    }
    return parse_event(depth, err);
  }

  std::string_view m_content;
  const Limits& m_limits;
  yaml_parser_t m_parser{};
  ReaderInput m_input;
  std::string_view m_rest;      // the part being loaded
  bool m_reader_error = false;  // the last error was the reader's (a bad byte)
  int m_line_offset = 0;        // lines before the part being loaded
  std::shared_ptr<Arena> m_arena;
  std::map<std::string, Parsed> m_anchors;
  std::vector<const Node*> m_item_stack;
  std::vector<Node::Entry> m_entry_stack;
  std::size_t m_total = 0;
  std::vector<Error> m_soft_errors;  // of the document being loaded
  // The event being turned into a node: each is parsed here and deleted
  // before the next is read, so one is enough for every level.
  yaml_event_t m_ev{};
};

Stream parse(std::string_view content, const Limits& limits) {
  Loader loader(content, limits);
  // Each run_from deletes its parser before returning, so nothing of
  // libyaml's outlives the scope.
  ParseMemoryScope memory;
  return loader.run();
}

}  // namespace vern::yaml
