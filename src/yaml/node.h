// YAML document model over libyaml: every node keeps the line and column where
// it starts. Aliases resolve to the anchored node (shared, not copied) and merge
// keys (`<<: *defaults`) are applied while loading, so callers never see either.
// This is the only place in vern that includes libyaml.
//
// Thread safety: a Document is immutable after parse(); concurrent reads are fine.
//
// Nodes, their texts and their child lists live in one bump arena per stream
// (Node is trivially destructible): a manifest's tree costs a few block
// allocations instead of several per node.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/located.h"
#include "util/result.h"

namespace vern::yaml {

class Node {
 public:
  enum class Kind : std::uint8_t { scalar, sequence, mapping };
  struct Entry {
    const Node* key;
    const Node* value;
    // The key's text length when the key is a scalar, else k_not_scalar:
    // find() compares keys of the right length only.
    std::uint32_t key_size;
  };
  static constexpr std::uint32_t k_not_scalar = UINT32_MAX;

  Kind kind() const { return m_kind; }
  bool is_scalar() const { return m_kind == Kind::scalar; }
  bool is_sequence() const { return m_kind == Kind::sequence; }
  bool is_mapping() const { return m_kind == Kind::mapping; }
  Location where() const { return m_where; }

  // Scalar text as loaded (quotes and escapes resolved); empty for collections.
  // Valid as long as the Document that holds the node.
  std::string_view text() const {
    return m_kind == Kind::scalar ? std::string_view(static_cast<const char*>(m_data), m_size)
                                  : std::string_view();
  }
  // True for a scalar written without quotes (or block style).
  bool plain() const { return m_plain; }
  // An explicit tag such as "!!str", empty when none.
  std::string_view tag() const { return {m_tag, m_tag_size}; }
  // A plain scalar "", "~", "null", "Null" or "NULL".
  bool is_null() const;
  // true/false in any case (YAML 1.2 core schema). With yaml11, also
  // yes/no/on/off/y/n as Kubernetes' YAML 1.1 decoder reads them. A plain
  // scalar, or any scalar tagged !!bool.
  std::optional<bool> as_bool(bool yaml11 = false) const;
  // A plain or quoted decimal integer (optionally signed); nullopt otherwise.
  std::optional<std::int64_t> as_int() const;

  // Sequence items; empty for other kinds.
  std::span<const Node* const> items() const {
    if (m_kind != Kind::sequence) return {};
    return {static_cast<const Node* const*>(m_data), m_size};
  }
  // Mapping entries in source order, merge keys applied; empty for other kinds.
  std::span<const Entry> entries() const {
    if (m_kind != Kind::mapping) return {};
    return {static_cast<const Entry*>(m_data), m_size};
  }
  // The value of the first entry whose key is the scalar `key`; nullptr when
  // absent or when this is not a mapping.
  const Node* get(std::string_view key) const;
  // The entry itself (to point at the key); nullptr when absent.
  const Entry* find(std::string_view key) const;

 private:
  friend class Loader;
  // Kept small (40 bytes): a manifest's tree is written once and read by
  // every translator, so its size is memory traffic on every file.
  Kind m_kind = Kind::scalar;
  bool m_plain = true;
  std::uint32_t m_tag_size = 0;
  Location m_where;
  const char* m_tag = nullptr;
  // By kind: the scalar's text, the items (const Node*), or the entries.
  const void* m_data = nullptr;
  std::uint32_t m_size = 0;
};

// One document of a stream. Owns its nodes; cheap to move.
struct Document {
  const Node* root = nullptr;  // never null for a loaded document (an empty one is a null scalar)
  Location where;              // the document start
  // Loaded after a syntax error earlier in the stream, from the next `---`:
  // not the stream's first document, whatever its index.
  bool after_error = false;
  std::shared_ptr<const void> storage;  // keeps the nodes alive
};

// Limits that keep hostile input bounded. Defaults suit real manifests.
struct Limits {
  std::size_t max_depth = 256;              // nesting of collections
  std::size_t max_nodes = 2'000'000;        // nodes per stream, counting alias expansions
  std::size_t max_scalar_bytes = 4u << 20;  // one scalar
};

// The documents of a stream and its errors (with line and column), in order.
// A document with a syntax error is left out; loading resumes at the next
// line that opens a document (`---` at the start of a line), so the documents
// around a broken one are complete and usable. A limit error (size, depth,
// aliases) ends the stream. A key written twice in a mapping is an error too,
// at the second; its document is kept, with the last value (as the Kubernetes
// API server reads it).
struct Stream {
  std::vector<Document> documents;
  std::vector<Error> errors;
};

Stream parse(std::string_view content, const Limits& limits = {});

}  // namespace vern::yaml
