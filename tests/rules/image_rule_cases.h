// Builders for the image filesystem rules' tests: an Inventory holding one
// ImageFacts with three layers.
#pragma once

#include "model/inventory.h"

namespace vern::test {

inline ImageFacts image_facts() {
  ImageFacts f;
  f.file = "app.tar";
  f.reference = "example/app:1";
  for (const char* d :
       {"sha256:1111111111111111111111111111111111111111111111111111111111111111",
        "sha256:2222222222222222222222222222222222222222222222222222222222222222",
        "sha256:3333333333333333333333333333333333333333333333333333333333333333"}) {
    f.layers.push_back({d, d, "RUN something"});
  }
  return f;
}

inline Inventory with_image(ImageFacts f) {
  Inventory inv;
  inv.images.push_back(std::move(f));
  return inv;
}

}  // namespace vern::test
