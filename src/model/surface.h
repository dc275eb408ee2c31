// Surface: where a workload was described or found. Rules declare the
// surfaces they apply to; the catalog in ../shared/rules.md names them by letter.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace vern {

enum class Surface : std::uint8_t {
  dockerfile,   // D
  compose,      // C
  kubernetes,   // K
  run,          // R: docker run / create / podman run in scripts, CI, docs
  host,         // H: live Docker host and its containers
  image,        // I: image config and filesystem
  enforcement,  // E: admission webhook, authorization plugin
  daemon_config // daemon.json (the "H daemon.json" rows)
};

// A set of surfaces as a bit mask.
class SurfaceSet {
 public:
  constexpr SurfaceSet() = default;
  constexpr SurfaceSet(std::initializer_list<Surface> s) {
    for (Surface x : s) m_bits |= bit(x);
  }
  constexpr bool has(Surface s) const { return (m_bits & bit(s)) != 0; }
  constexpr bool empty() const { return m_bits == 0; }
  // The catalog's letters, e.g. "CKRHE" (daemon.json is "J").
  std::string letters() const;

 private:
  static constexpr std::uint16_t bit(Surface s) { return std::uint16_t(1u << unsigned(s)); }
  std::uint16_t m_bits = 0;
};

std::string_view surface_name(Surface s);

}  // namespace vern
