// Fuzzes the Engine translator with container inspect objects and create
// bodies (the authorization plugin will feed it untrusted request bodies),
// then runs the rules over the result.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/rule.h"
#include "scan/evaluate.h"
#include "sources/engine/translate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  vern::Inventory inv;
  if (auto w = vern::translate_container_inspect(text)) inv.workloads.push_back(std::move(*w));
  if (auto w = vern::translate_container_create(text, "fuzz"))
    inv.workloads.push_back(std::move(*w));
  vern::FindingList out;
  vern::evaluate(inv, vern::RuleScope::unit, vern::RuleOptions{}, out);
  return 0;
}
