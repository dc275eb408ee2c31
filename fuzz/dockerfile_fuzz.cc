// Fuzzes the Dockerfile parser and translator (directives, continuations,
// here-documents, flags, exec form, variable substitution, RUN tokenizing).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sources/dockerfile/parser.h"
#include "sources/dockerfile/translate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)vern::dockerfile::parse(input);
  vern::DockerfileOptions options;
  options.target = "build";
  options.dockerignore = vern::IgnoreFile::missing;
  (void)vern::translate_dockerfile("Dockerfile", input, options);
  return 0;
}
