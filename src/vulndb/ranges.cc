#include "vulndb/ranges.h"

#include <array>
#include <span>

namespace vern::vulndb {

namespace {

char event_letter(RangeEvent::Kind k) {
  switch (k) {
    case RangeEvent::Kind::introduced:
      return 'i';
    case RangeEvent::Kind::fixed:
      return 'f';
    case RangeEvent::Kind::last_affected:
      return 'l';
    case RangeEvent::Kind::limit:
      return 'x';
  }
  return 'i';
}

RangeEvent::Kind event_kind(char letter) {
  switch (letter) {
    case 'f':
      return RangeEvent::Kind::fixed;
    case 'l':
      return RangeEvent::Kind::last_affected;
    case 'x':
      return RangeEvent::Kind::limit;
    default:
      return RangeEvent::Kind::introduced;
  }
}

// Calls `line` for each non-empty line of `text` (the last one may lack its newline).
template <typename F>
void for_each_line(std::string_view text, F&& line) {
  while (!text.empty()) {
    std::size_t at = text.find('\n');
    if (at > 0) line(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
}

int compare(VersionScheme scheme, std::string_view a, std::string_view b) {
  // "0" as introduced means "from the beginning", whatever the ordering says.
  if (a == "0" && b == "0") return 0;
  if (a == "0") return -1;
  if (b == "0") return 1;
  return compare_versions(scheme, a, b);
}

struct EventView {
  RangeEvent::Kind kind = RangeEvent::Kind::introduced;
  std::string_view version;
};

// One range's events; ranges rarely have more than a few, so those stay
// off the heap.
class EventList {
 public:
  void push(EventView e) {
    if (m_heap.empty() && m_size < m_inline.size()) {
      m_inline[m_size++] = e;
      return;
    }
    if (m_heap.empty()) m_heap.assign(m_inline.begin(), m_inline.begin() + m_size);
    m_heap.push_back(e);
  }
  std::span<EventView> events() {
    if (!m_heap.empty()) return m_heap;
    return std::span<EventView>(m_inline.data(), m_size);
  }
  void clear() {
    m_size = 0;
    m_heap.clear();
  }

 private:
  std::array<EventView, 16> m_inline;
  std::size_t m_size = 0;
  std::vector<EventView> m_heap;
};

struct RangeVerdict {
  bool affected = false;
  std::string_view fixed;
};

// One range, its events in record order (reordered in place).
RangeVerdict evaluate_range(VersionScheme scheme, std::string_view v, std::span<EventView> all) {
  bool has_limit = false, under_limit = false;
  std::size_t n = 0;
  for (const EventView& e : all) {
    if (e.kind == RangeEvent::Kind::limit) {
      has_limit = true;
      under_limit = under_limit || compare(scheme, v, e.version) < 0;
      continue;
    }
    all[n++] = e;
  }
  std::span<EventView> events = all.first(n);
  // Stable insertion sort by version: events with equal versions keep the
  // record's order, and there is nothing to allocate.
  for (std::size_t i = 1; i < events.size(); ++i) {
    EventView x = events[i];
    std::size_t j = i;
    while (j > 0 && compare(scheme, x.version, events[j - 1].version) < 0) {
      events[j] = events[j - 1];
      --j;
    }
    events[j] = x;
  }
  RangeVerdict out;
  for (const EventView& e : events) {
    int c = compare(scheme, v, e.version);
    switch (e.kind) {
      case RangeEvent::Kind::introduced:
        if (c >= 0) out.affected = true;
        break;
      case RangeEvent::Kind::fixed:
        if (c >= 0) out.affected = false;
        break;
      case RangeEvent::Kind::last_affected:
        if (c > 0) out.affected = false;
        break;
      case RangeEvent::Kind::limit:
        break;
    }
  }
  if (has_limit && !under_limit) out.affected = false;
  if (!out.affected) return out;
  // The fix that ends this affected stretch: the lowest fixed version above v.
  for (const EventView& e : events) {
    if (e.kind == RangeEvent::Kind::fixed && compare(scheme, v, e.version) < 0) {
      out.fixed = e.version;
      break;
    }
  }
  return out;
}

// Keeps the first affected range's verdict, unless a later one names a fix
// and the kept one does not.
void combine(RangeVerdict& best, const RangeVerdict& v) {
  if (!v.affected) return;
  if (!best.affected || (best.fixed.empty() && !v.fixed.empty())) best = v;
}

}  // namespace

std::string encode_ranges(const std::vector<AffectedRange>& ranges) {
  std::string out;
  for (const AffectedRange& r : ranges) {
    for (const RangeEvent& e : r.events) {
      out += event_letter(e.kind);
      out += e.version;
      out += '\n';
    }
    out += "|\n";
  }
  return out;
}

std::vector<AffectedRange> decode_ranges(std::string_view text) {
  std::vector<AffectedRange> out;
  AffectedRange current;
  for_each_line(text, [&](std::string_view line) {
    if (line == "|") {
      out.push_back(std::move(current));
      current = {};
      return;
    }
    current.events.push_back({event_kind(line[0]), std::string(line.substr(1))});
  });
  return out;
}

AffectedVerdict evaluate_affected(VersionScheme scheme, std::string_view version,
                                  const std::vector<AffectedRange>& ranges,
                                  const std::vector<std::string>& versions) {
  EventList list;
  RangeVerdict best;
  for (const AffectedRange& r : ranges) {
    list.clear();
    for (const RangeEvent& e : r.events) list.push({e.kind, e.version});
    combine(best, evaluate_range(scheme, version, list.events()));
  }
  if (best.affected) return {true, std::string(best.fixed)};
  for (const std::string& listed : versions) {
    if (compare(scheme, version, listed) == 0) return {true, {}};
  }
  return {};
}

AffectedVerdict evaluate_encoded(VersionScheme scheme, std::string_view version,
                                 std::string_view ranges, std::string_view versions) {
  EventList list;
  RangeVerdict best;
  for_each_line(ranges, [&](std::string_view line) {
    if (line == "|") {
      combine(best, evaluate_range(scheme, version, list.events()));
      list.clear();
      return;
    }
    list.push({event_kind(line[0]), line.substr(1)});
  });
  if (best.affected) return {true, std::string(best.fixed)};
  bool listed = false;
  for_each_line(versions,
                [&](std::string_view v) { listed = listed || compare(scheme, version, v) == 0; });
  return {listed, {}};
}

}  // namespace vern::vulndb
