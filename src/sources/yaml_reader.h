// YamlReader: typed reads from YAML nodes for translators. A node of the wrong
// shape (a string where a list belongs) becomes an error with its position and
// reads as absent, so translation continues with the rest of the document.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/located.h"
#include "util/result.h"
#include "yaml/node.h"

namespace vern {

class YamlReader {
 public:
  // `errors` must outlive the reader. yaml11: read yes/no/on/off as booleans
  // (Kubernetes' decoder does; Compose's does not).
  YamlReader(std::string_view file, std::vector<Error>& errors, bool yaml11)
      : m_file(file), m_errors(errors), m_yaml11(yaml11) {}

  // `node` if it is a mapping; nullptr (and an error naming `what`) if it is
  // something else; nullptr without error when node is null or a YAML null.
  const yaml::Node* mapping(const yaml::Node* node, std::string_view what);
  const yaml::Node* sequence(const yaml::Node* node, std::string_view what);
  // A scalar that is not a YAML null; nullptr otherwise (error if a collection).
  const yaml::Node* scalar(const yaml::Node* node, std::string_view what);

  // The boolean at key `key` of mapping `parent`; absent (where = absent_at)
  // when missing; an error and absent when not a boolean.
  Located<bool> boolean(const yaml::Node* parent, std::string_view key, Location absent_at);
  Located<std::string> string(const yaml::Node* parent, std::string_view key, Location absent_at);
  Located<std::int64_t> integer(const yaml::Node* parent, std::string_view key, Location absent_at);

  // Records an error at `at`, once: a value read again (a pod's
  // securityContext for each of its containers, a Compose base for each
  // service that extends it) is reported once, where it is written.
  void error(Location at, std::string message);

  std::string_view file() const { return m_file; }

 private:
  std::string m_file;
  std::vector<Error>& m_errors;
  std::set<std::tuple<int, int, std::string>> m_reported;
  bool m_yaml11;
};

}  // namespace vern
