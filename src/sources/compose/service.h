// Compose translator internals: one service into a Workload.
#pragma once

#include <span>
#include <string>

#include "model/workload.h"
#include "sources/short_syntax.h"
#include "sources/yaml_reader.h"
#include "yaml/node.h"

namespace vern::compose {

// Translates service `name` (its key at `key_at`) of `file`. `levels` are the
// service's mapping and those of the services it extends, nearest first: a
// key set nearer wins, and the lists Compose merges (ports, expose, volumes,
// networks, cap_add, cap_drop, security_opt, environment by name) add up.
Workload translate_service(const std::string& name, Location key_at,
                           std::span<const yaml::Node* const> levels, YamlReader& r);

// Parses one short-syntax port ("127.0.0.1:8080:80/tcp", "3000-3005", "[::1]::80").
// Errors go to `r` at `at`.
bool parse_short_port(std::string_view text, Location at, PortMapping& out, YamlReader& r);

// False when both sides are ranges of different sizes, which Docker refuses
// (a host range for a single container port is allowed: Docker picks from it).
bool ranges_match(const PortMapping& port);

// True iff the comma-separated `options` (a volume's `ro,z`, a driver's
// `o: bind,uid=1000`) hold `name`.
bool has_option(std::string_view options, std::string_view name);

}  // namespace vern::compose
