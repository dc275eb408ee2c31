// yaml_events: libyaml's event stream for a text as lines of text, every
// field of every event and of the final error, so that two ways of reading
// the same text can be compared. For the reader's tests and fuzz target.
#pragma once

#include <yaml.h>

#include <string>
#include <vector>

#include "yaml/reader.h"

namespace vern::testing {

enum class Reader { libyaml, vern };

inline std::string mark_text(const yaml_mark_t& m) {
  return std::to_string(m.index) + "/" + std::to_string(m.line) + ":" + std::to_string(m.column);
}

inline std::string text_or_null(const unsigned char* s) {
  return s ? "'" + std::string(reinterpret_cast<const char*>(s)) + "'" : "null";
}

inline std::string event_text(const yaml_event_t& ev) {
  std::string out =
      std::to_string(int(ev.type)) + " " + mark_text(ev.start_mark) + "-" + mark_text(ev.end_mark);
  switch (ev.type) {
    case YAML_STREAM_START_EVENT:
      return "STREAM-START " + out + " encoding " + std::to_string(ev.data.stream_start.encoding);
    case YAML_STREAM_END_EVENT:
      return "STREAM-END " + out;
    case YAML_DOCUMENT_START_EVENT:
      return "DOC-START " + out + " implicit " + std::to_string(ev.data.document_start.implicit);
    case YAML_DOCUMENT_END_EVENT:
      return "DOC-END " + out + " implicit " + std::to_string(ev.data.document_end.implicit);
    case YAML_ALIAS_EVENT:
      return "ALIAS " + out + " " + text_or_null(ev.data.alias.anchor);
    case YAML_SCALAR_EVENT:
      return "SCALAR " + out + " " + text_or_null(ev.data.scalar.anchor) + " " +
             text_or_null(ev.data.scalar.tag) + " style " + std::to_string(ev.data.scalar.style) +
             " [" +
             std::string(reinterpret_cast<const char*>(ev.data.scalar.value),
                         ev.data.scalar.length) +
             "]";
    case YAML_SEQUENCE_START_EVENT:
      return "SEQ-START " + out + " " + text_or_null(ev.data.sequence_start.anchor) + " " +
             text_or_null(ev.data.sequence_start.tag);
    case YAML_MAPPING_START_EVENT:
      return "MAP-START " + out + " " + text_or_null(ev.data.mapping_start.anchor) + " " +
             text_or_null(ev.data.mapping_start.tag);
    default:
      return out;
  }
}

// The events libyaml gives for `text`, read by libyaml's string reader or by
// vern's set_input, and a last line with the error, if any.
inline std::vector<std::string> events_of(const std::string& text, Reader reader) {
  std::vector<std::string> out;
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return {"cannot initialise"};
  vern::yaml::ReaderInput input;
  if (reader == Reader::vern) {
    vern::yaml::set_input(parser, input, text);
  } else {
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  while (true) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      out.push_back(
          "ERROR " + std::to_string(int(parser.error)) + " " +
          (parser.problem ? parser.problem : "") + " offset " +
          std::to_string(parser.problem_offset) + " value " + std::to_string(parser.problem_value) +
          " mark " + mark_text(parser.problem_mark) + " context " +
          (parser.context ? parser.context : "") + " at " + mark_text(parser.context_mark));
      break;
    }
    out.push_back(event_text(ev));
    const bool end = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return out;
}

}  // namespace vern::testing
