// Arena: where the loader places the nodes of one stream. Internal to src/yaml.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory_resource>
#include <span>
#include <string_view>
#include <type_traits>

#include "yaml/node.h"

namespace vern::yaml {

// Nodes, texts and child lists of one stream, bump-allocated in blocks that
// grow geometrically and are freed together. Everything placed here is
// trivially destructible.
class Arena {
 public:
  explicit Arena(std::size_t first_block) : m_pool(first_block) {}

  Node* node() { return new (m_pool.allocate(sizeof(Node), alignof(Node))) Node(); }

  std::string_view copy(const char* data, std::size_t size) {
    if (size == 0) return {};
    char* p = static_cast<char*>(m_pool.allocate(size, 1));
    std::memcpy(p, data, size);
    return {p, size};
  }

  template <typename T>
  std::span<const T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(m_pool.allocate(items.size_bytes(), alignof(T)));
    std::memcpy(static_cast<void*>(p), items.data(), items.size_bytes());
    return {p, items.size()};
  }

 private:
  std::pmr::monotonic_buffer_resource m_pool;
};

}  // namespace vern::yaml
