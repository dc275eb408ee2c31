// Builds Node trees from libyaml's event stream.
#include <yaml.h>

#include <deque>
#include <map>
#include <string>

#include "yaml/node.h"

namespace vern::yaml {

namespace {

struct Arena {
  std::deque<Node> nodes;
};

Location location_of(const yaml_mark_t& mark) {
  return Location{int(mark.line) + 1, int(mark.column) + 1};
}

// Saturating add for expansion counts, so alias bombs cannot overflow.
std::size_t add_sat(std::size_t a, std::size_t b) {
  std::size_t r = a + b;
  return r < a ? SIZE_MAX : r;
}

}  // namespace

// Friend of Node: the only code that writes nodes.
class Loader {
 public:
  Loader(std::string_view content, const Limits& limits) : m_limits(limits) {
    yaml_parser_initialize(&m_parser);
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(content.data()),
                                 content.size());
  }
  ~Loader() { yaml_parser_delete(&m_parser); }
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  Stream run() {
    Stream out;
    while (true) {
      yaml_event_t ev;
      if (!yaml_parser_parse(&m_parser, &ev)) {
        out.error = parser_error();
        return out;
      }
      yaml_event_type_t type = ev.type;
      Location at = location_of(ev.start_mark);
      if (type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        return out;
      }
      if (type == YAML_DOCUMENT_START_EVENT) {
        yaml_event_delete(&ev);
        Document doc;
        doc.where = at;
        auto arena = std::make_shared<Arena>();
        m_arena = arena.get();
        m_anchors.clear();
        m_weight.clear();
        std::optional<Error> err;
        const Node* root = parse_node(0, err);
        if (!err) err = expect_document_end();
        if (err) {
          out.error = std::move(err);
          return out;
        }
        doc.root = root;
        doc.storage = std::move(arena);
        out.documents.push_back(std::move(doc));
        continue;
      }
      yaml_event_delete(&ev);  // STREAM_START
    }
  }

 private:
  Error parser_error() const {
    std::string msg = m_parser.problem ? m_parser.problem : "invalid YAML";
    if (m_parser.context) msg = std::string(m_parser.context) + ": " + msg;
    return Error::invalid("YAML syntax error: " + msg, int(m_parser.problem_mark.line) + 1,
                          int(m_parser.problem_mark.column) + 1);
  }

  std::optional<Error> expect_document_end() {
    yaml_event_t ev;
    if (!yaml_parser_parse(&m_parser, &ev)) return parser_error();
    yaml_event_delete(&ev);
    return std::nullopt;
  }

  Node* new_node(Node::Kind kind, Location at, const unsigned char* tag) {
    Node& n = m_arena->nodes.emplace_back();
    n.m_kind = kind;
    n.m_where = at;
    if (tag) n.m_tag = reinterpret_cast<const char*>(tag);
    return &n;
  }

  std::optional<Error> count(std::size_t weight, Location at) {
    m_total = add_sat(m_total, weight);
    if (m_total > m_limits.max_nodes) {
      return Error::limit("document too large: more than " + std::to_string(m_limits.max_nodes) +
                          " nodes after expanding aliases (alias bomb?)");
    }
    (void)at;
    return std::nullopt;
  }

  // Parses one node starting with the next event. Returns nullptr on error.
  const Node* parse_node(std::size_t depth, std::optional<Error>& err) {
    yaml_event_t ev;
    if (!next_event(ev)) {
      err = parser_error();
      return nullptr;
    }
    Location at = location_of(ev.start_mark);
    const Node* result = nullptr;
    switch (ev.type) {
      case YAML_ALIAS_EVENT: {
        std::string name = reinterpret_cast<const char*>(ev.data.alias.anchor);
        auto it = m_anchors.find(name);
        if (it == m_anchors.end()) {
          err = Error::invalid("unknown alias *" + name, at.line, at.column);
        } else {
          result = it->second;
          if (auto e = count(m_weight[result], at)) {
            e->line = at.line;
            e->column = at.column;
            err = std::move(e);
            result = nullptr;
          }
        }
        break;
      }
      case YAML_SCALAR_EVENT: {
        if (ev.data.scalar.length > m_limits.max_scalar_bytes) {
          err = Error::limit("scalar of " + std::to_string(ev.data.scalar.length) +
                             " bytes exceeds the limit of " +
                             std::to_string(m_limits.max_scalar_bytes));
          err->line = at.line;
          err->column = at.column;
          break;
        }
        Node* n = new_node(Node::Kind::scalar, at, ev.data.scalar.tag);
        n->m_text.assign(reinterpret_cast<const char*>(ev.data.scalar.value),
                         ev.data.scalar.length);
        n->m_plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE ||
                     ev.data.scalar.style == YAML_ANY_SCALAR_STYLE;
        if (!n->m_tag.empty() && n->m_tag != "?") n->m_plain = false;
        remember(ev.data.scalar.anchor, n, 1);
        if (auto e = count(1, at)) err = std::move(e);
        result = n;
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        bool mapping = ev.type == YAML_MAPPING_START_EVENT;
        if (depth >= m_limits.max_depth) {
          err =
              Error::limit("nesting deeper than " + std::to_string(m_limits.max_depth) + " levels");
          err->line = at.line;
          err->column = at.column;
          break;
        }
        const unsigned char* anchor =
            mapping ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
        const unsigned char* tag = mapping ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
        Node* n = new_node(mapping ? Node::Kind::mapping : Node::Kind::sequence, at, tag);
        std::string anchor_name = anchor ? reinterpret_cast<const char*>(anchor) : "";
        yaml_event_delete(&ev);
        if (auto e = count(1, at)) {
          err = std::move(e);
          return nullptr;
        }
        std::size_t weight =
            mapping ? parse_mapping(*n, depth, err) : parse_sequence(*n, depth, err);
        if (err) return nullptr;
        if (!anchor_name.empty()) {
          m_anchors[anchor_name] = n;
          m_weight[n] = weight;
        }
        return n;
      }
      default:
        err = Error::invalid("unexpected YAML event", at.line, at.column);
        break;
    }
    yaml_event_delete(&ev);
    return result;
  }

  void remember(const unsigned char* anchor, const Node* n, std::size_t weight) {
    if (!anchor) return;
    m_anchors[reinterpret_cast<const char*>(anchor)] = n;
    m_weight[n] = weight;
  }

  std::size_t weight_of(const Node* n) {
    auto it = m_weight.find(n);
    return it == m_weight.end() ? 1 : it->second;
  }

  // libyaml has no peek: parse_item reads one event ahead and parks it here.
  bool next_event(yaml_event_t& ev) {
    if (m_has_pending) {
      ev = m_pending;
      m_has_pending = false;
      return true;
    }
    return yaml_parser_parse(&m_parser, &ev) != 0;
  }

  // Parses items until SEQUENCE_END. Returns the subtree weight.
  std::size_t parse_sequence(Node& seq, std::size_t depth, std::optional<Error>& err) {
    std::size_t weight = 1;
    while (true) {
      const Node* item = parse_item(depth + 1, err);
      if (err || !item) return weight;
      seq.m_items.push_back(item);
      weight = add_sat(weight, weight_of(item));
    }
  }

  std::size_t parse_mapping(Node& map, std::size_t depth, std::optional<Error>& err) {
    std::size_t weight = 1;
    std::vector<const Node*> merges;
    while (true) {
      const Node* key = parse_item(depth + 1, err);
      if (err || !key) break;
      const Node* value = parse_node(depth + 1, err);
      if (err) return weight;
      if (key->is_scalar() && key->plain() && key->text() == "<<" &&
          (value->is_mapping() || value->is_sequence())) {
        merges.push_back(value);
        continue;
      }
      map.m_entries.push_back({key, value});
      weight = add_sat(weight, add_sat(weight_of(key), weight_of(value)));
    }
    if (err) return weight;
    // Merge keys: explicit entries win; earlier merge sources win over later ones.
    for (const Node* m : merges) {
      std::vector<const Node*> sources;
      if (m->is_mapping()) {
        sources.push_back(m);
      } else {
        for (const Node* s : m->items()) {
          if (s->is_mapping()) sources.push_back(s);
        }
      }
      for (const Node* src : sources) {
        for (const Node::Entry& e : src->entries()) {
          if (e.key->is_scalar() && map.find(e.key->text())) continue;
          map.m_entries.push_back(e);
          weight = add_sat(weight, weight_of(e.value));
        }
      }
    }
    return weight;
  }

  // Parses the next node, or returns nullptr (without error) at a collection end.
  const Node* parse_item(std::size_t depth, std::optional<Error>& err) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&m_parser, &ev)) {
      err = parser_error();
      return nullptr;
    }
    if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
      yaml_event_delete(&ev);
      return nullptr;
    }
    m_pending = ev;
    m_has_pending = true;
    return parse_node(depth, err);
  }

  const Limits& m_limits;
  yaml_parser_t m_parser;
  Arena* m_arena = nullptr;
  std::map<std::string, const Node*> m_anchors;
  std::map<const Node*, std::size_t> m_weight;
  std::size_t m_total = 0;
  yaml_event_t m_pending{};
  bool m_has_pending = false;
};

Stream parse(std::string_view content, const Limits& limits) {
  Loader loader(content, limits);
  return loader.run();
}

}  // namespace vern::yaml
