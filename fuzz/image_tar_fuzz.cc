// Fuzzes the image tar reader (docker save / oci-archive, one pass) and the
// layer scanner on in-memory input. Limits are small so that inputs that
// decompress to a lot stop quickly.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "image/image.h"
#include "image/layer.h"
#include "image/packages.h"
#include "image/translate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  vern::ImageOptions options;
  options.limits.max_bytes = 64u << 20;
  options.limits.max_files = 10000;
  options.limits.max_json = 1u << 20;
  {
    vern::MemorySource src(input);
    vern::Result<vern::Image> image = vern::read_image_stream(src, {}, options);
    if (image.ok()) {
      vern::Inventory inv = vern::translate_image(*image, vern::read_packages(*image));
      (void)inv;
    }
  }
  {
    vern::Budget budget(options.limits);
    vern::MemorySource src(input);
    vern::Result<vern::LayerScan> scan = vern::scan_layer(src, budget);
    if (scan.ok()) {
      vern::FileTree tree;
      tree.apply(0, *scan);
      (void)tree.lookup("etc/os-release");
    }
  }
  return 0;
}
