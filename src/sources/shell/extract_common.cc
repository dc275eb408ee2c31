#include "sources/shell/extract_common.h"

#include "sources/shell/docker_run.h"
#include "sources/shell/extract.h"
#include "sources/shell/tokenizer.h"

namespace vern::shell {

bool within_limit(std::string_view path, std::string_view content, Translation& t) {
  if (content.size() <= k_max_script_bytes) return true;
  Error e = Error::limit("file larger than 4 MiB: not scanned");
  e.file = std::string(path);
  t.errors.push_back(std::move(e));
  return false;
}

std::vector<std::string_view> split_lines(std::string_view content) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    lines.push_back(content.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

void add_script(Translation& t, std::string_view path, std::string_view object, Location where,
                const SourceText& text, bool record, Templating templating) {
  std::vector<ShellPipeline> pipelines = tokenize(text);
  mark_templated(pipelines, templating);
  collect_launches(pipelines, path, t.inventory);
  if (!record || pipelines.empty()) return;
  ShellScript s;
  s.surface = Surface::run;
  s.file = std::string(path);
  s.object = std::string(object);
  s.where = where;
  s.pipelines = std::move(pipelines);
  t.inventory.scripts.push_back(std::move(s));
}

}  // namespace vern::shell
