#include "vulndb/version/scheme.h"

#include "vulndb/version/apk.h"
#include "vulndb/version/dpkg.h"
#include "vulndb/version/rpm.h"

namespace vern::vulndb {

int compare_versions(VersionScheme scheme, std::string_view a, std::string_view b) {
  switch (scheme) {
    case VersionScheme::dpkg:
      return dpkg_compare(a, b);
    case VersionScheme::apk:
      return apk_compare(a, b);
    case VersionScheme::rpm:
      return rpm_compare(a, b);
    case VersionScheme::unknown:
      break;
  }
  int c = a.compare(b);
  return (c > 0) - (c < 0);
}

}  // namespace vern::vulndb
