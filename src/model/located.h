// Located<T>: a setting's value plus where it was written, or where it would be
// written when it is absent (the parent key), so that a finding about a missing
// setting still points at a line.
#pragma once

#include <cstdint>
#include <utility>

namespace vern {

// A 1-based position in a source file. line == 0 means the source has no
// positions (a live container, an image config).
struct Location {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
  friend bool operator==(const Location&, const Location&) = default;
};

// How much the source says about a setting.
enum class Presence : std::uint8_t {
  absent,   // not written: the platform default applies
  literal,  // written as a plain value, held in `value`
  dynamic,  // written, but its value is not known statically (`${VAR}`, `$(cmd)`)
};

template <class T>
struct Located {
  Presence presence = Presence::absent;
  // Meaningful when presence == literal; when absent, what was written that
  // means "not set" (`pids_limit: -1`), if anything.
  T value{};
  Location where;  // the value's position, or the parent key's when absent

  bool is_absent() const { return presence == Presence::absent; }
  bool is_literal() const { return presence == Presence::literal; }
  bool is_dynamic() const { return presence == Presence::dynamic; }
  // True iff the setting is written as exactly `v`.
  bool is(const T& v) const { return presence == Presence::literal && value == v; }

  static Located literal(T v, Location at) { return Located{Presence::literal, std::move(v), at}; }
  static Located absent(Location at) { return Located{Presence::absent, T{}, at}; }
  // Absent, written out as `v` at `at` (`mem_limit: 0` is no limit).
  static Located written_absent(T v, Location at) {
    return Located{Presence::absent, std::move(v), at};
  }
  static Located dynamic(Location at) { return Located{Presence::dynamic, T{}, at}; }
};

}  // namespace vern
