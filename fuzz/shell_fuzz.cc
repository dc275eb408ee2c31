// Fuzzes the shell tokenizer and the docker run parser, and the script,
// Makefile and Markdown extractors built on them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sources/shell/extract.h"
#include "sources/shell/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)vern::shell::tokenize(input);
  (void)vern::translate_shell_script("run.sh", input);
  (void)vern::translate_makefile("Makefile", input);
  (void)vern::translate_markdown("README.md", input);
  return 0;
}
