// Event helpers over libyaml. Internal to src/yaml.
#pragma once

#include <yaml.h>

#include <cstdlib>

namespace vern::yaml {

// Frees what an event owns, as yaml_event_delete does, without clearing the
// event afterwards: that clearing (a 100-byte memset per event) cost a few
// percent of a scan. The event must not be read again until it is refilled.
// Node events own their anchor, tag and scalar text; the rare others go
// through libyaml.
inline void release(yaml_event_t& ev) {
  switch (ev.type) {
    case YAML_SCALAR_EVENT:
      std::free(ev.data.scalar.anchor);
      std::free(ev.data.scalar.tag);
      std::free(ev.data.scalar.value);
      break;
    case YAML_SEQUENCE_START_EVENT:
      std::free(ev.data.sequence_start.anchor);
      std::free(ev.data.sequence_start.tag);
      break;
    case YAML_MAPPING_START_EVENT:
      std::free(ev.data.mapping_start.anchor);
      std::free(ev.data.mapping_start.tag);
      break;
    case YAML_ALIAS_EVENT:
      std::free(ev.data.alias.anchor);
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      break;
    default:
      yaml_event_delete(&ev);
      return;
  }
  ev.type = YAML_NO_EVENT;
}

}  // namespace vern::yaml
