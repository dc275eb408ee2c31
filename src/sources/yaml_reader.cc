#include "sources/yaml_reader.h"

namespace vern {

namespace {
std::string_view kind_name(const yaml::Node& n) {
  switch (n.kind()) {
    case yaml::Node::Kind::scalar:
      return "a scalar";
    case yaml::Node::Kind::sequence:
      return "a list";
    case yaml::Node::Kind::mapping:
      return "a mapping";
  }
  return "something else";
}
}  // namespace

void YamlReader::error(Location at, std::string message) {
  if (!m_reported.emplace(at.line, at.column, message).second) return;
  Error e = Error::invalid(std::move(message), at.line, at.column);
  e.file = m_file;
  m_errors.push_back(std::move(e));
}

const yaml::Node* YamlReader::mapping(const yaml::Node* node, std::string_view what) {
  if (!node || node->is_null()) return nullptr;
  if (node->is_mapping()) return node;
  error(node->where(),
        std::string(what) + " must be a mapping, not " + std::string(kind_name(*node)));
  return nullptr;
}

const yaml::Node* YamlReader::sequence(const yaml::Node* node, std::string_view what) {
  if (!node || node->is_null()) return nullptr;
  if (node->is_sequence()) return node;
  error(node->where(), std::string(what) + " must be a list, not " + std::string(kind_name(*node)));
  return nullptr;
}

const yaml::Node* YamlReader::scalar(const yaml::Node* node, std::string_view what) {
  if (!node || node->is_null()) return nullptr;
  if (node->is_scalar()) return node;
  error(node->where(),
        std::string(what) + " must be a value, not " + std::string(kind_name(*node)));
  return nullptr;
}

Located<bool> YamlReader::boolean(const yaml::Node* parent, std::string_view key,
                                  Location absent_at) {
  const yaml::Node* n = parent ? parent->get(key) : nullptr;
  if (!n || n->is_null()) return Located<bool>::absent(absent_at);
  if (n->is_scalar()) {
    if (auto b = n->as_bool(m_yaml11)) return Located<bool>::literal(*b, n->where());
    if (n->text().find('$') != std::string::npos) return Located<bool>::dynamic(n->where());
  }
  error(n->where(),
        std::string(key) + " must be true or false, not '" + std::string(n->text()) + "'");
  return Located<bool>::absent(absent_at);
}

Located<std::string> YamlReader::string(const yaml::Node* parent, std::string_view key,
                                        Location absent_at) {
  const yaml::Node* n = scalar(parent ? parent->get(key) : nullptr, key);
  if (!n) return Located<std::string>::absent(absent_at);
  return Located<std::string>::literal(std::string(n->text()), n->where());
}

Located<std::int64_t> YamlReader::integer(const yaml::Node* parent, std::string_view key,
                                          Location absent_at) {
  const yaml::Node* n = scalar(parent ? parent->get(key) : nullptr, key);
  if (!n) return Located<std::int64_t>::absent(absent_at);
  if (auto v = n->as_int()) return Located<std::int64_t>::literal(*v, n->where());
  if (n->text().find('$') != std::string::npos) return Located<std::int64_t>::dynamic(n->where());
  error(n->where(), std::string(key) + " must be an integer, not '" + std::string(n->text()) + "'");
  return Located<std::int64_t>::absent(absent_at);
}

}  // namespace vern
