#include "model/surface.h"

namespace vern {

std::string SurfaceSet::letters() const {
  static constexpr struct {
    Surface s;
    char letter;
  } k_letters[] = {{Surface::dockerfile, 'D'}, {Surface::compose, 'C'},  {Surface::kubernetes, 'K'},
                   {Surface::run, 'R'},        {Surface::host, 'H'},     {Surface::image, 'I'},
                   {Surface::enforcement, 'E'}, {Surface::daemon_config, 'J'}};
  std::string out;
  for (auto [s, letter] : k_letters) {
    if (has(s)) out += letter;
  }
  return out;
}

std::string_view surface_name(Surface s) {
  switch (s) {
    case Surface::dockerfile: return "dockerfile";
    case Surface::compose: return "compose";
    case Surface::kubernetes: return "kubernetes";
    case Surface::run: return "run";
    case Surface::host: return "host";
    case Surface::image: return "image";
    case Surface::enforcement: return "enforcement";
    case Surface::daemon_config: return "daemon.json";
  }
  return "unknown";
}

}  // namespace vern
