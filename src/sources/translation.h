// Translation: what a translator returns for one input: the model objects it
// could build and every error it met. One broken document never hides the
// others: translators keep going and report each error with its position.
#pragma once

#include <string>
#include <vector>

#include "model/inventory.h"
#include "util/result.h"

namespace vern {

struct Translation {
  Inventory inventory;
  std::vector<Error> errors;  // file, line, column filled in
  // Suppression comments found in the source (`# vern:ignore ...`), for the driver.
  bool recognised = true;  // false: the input is not of this translator's format
};

}  // namespace vern
