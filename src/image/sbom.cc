#include "image/sbom.h"

#include <nlohmann/json.hpp>

#include "image/packages.h"
#include "json/dump.h"

namespace vern {

std::string cyclonedx_sbom(const ImageFacts& image, const std::string& tool_version) {
  using Json = nlohmann::ordered_json;
  const PackageInventory& inv = image.packages;
  Json components = Json::array();
  for (const Package& p : inv.packages) {
    std::string purl = package_url(p, inv.os);
    Json props = Json::array();
    props.push_back({{"name", "vern:layer"}, {"value", p.layer}});
    props.push_back({{"name", "vern:source-name"}, {"value", p.source_name}});
    props.push_back({{"name", "vern:source-version"}, {"value", p.source_version}});
    components.push_back({{"type", "library"},
                          {"bom-ref", purl},
                          {"name", p.name},
                          {"version", p.version},
                          {"purl", purl},
                          {"properties", props}});
  }
  std::string name = image.reference.empty() ? image.file : image.reference;
  Json subject = {
      {"type", "container"}, {"bom-ref", image.id.empty() ? name : image.id}, {"name", name}};
  if (!image.id.empty()) subject["version"] = image.id;
  if (!inv.os.id.empty()) {
    components.push_back({{"type", "operating-system"},
                          {"bom-ref", "os:" + inv.os.id + '@' + inv.os.version_id},
                          {"name", inv.os.id},
                          {"version", inv.os.version_id},
                          {"description", inv.os.pretty_name}});
  }
  Json doc = {
      {"bomFormat", "CycloneDX"},
      {"specVersion", "1.5"},
      {"version", 1},
      {"metadata",
       {{"tools",
         {{"components",
           Json::array({{{"type", "application"}, {"name", "vern"}, {"version", tool_version}}})}}},
        {"component", subject}}},
      {"components", components},
  };
  return dump_json(doc, 2) + '\n';
}

}  // namespace vern
