# One static library per layer folder under src/, and one test binary per layer
# folder under tests/. Sources are globbed so that adding a file never means
# editing a shared list; the catalog of rules is the one explicit list.

set(VERN_LAYERS "" CACHE INTERNAL "")

function(vern_layer name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cc)
  if(srcs)
    add_library(vern_${name} STATIC ${srcs})
    target_include_directories(vern_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(vern_${name} PUBLIC ${ARG_DEPS})
  else()
    add_library(vern_${name} INTERFACE)
    target_include_directories(vern_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(vern_${name} INTERFACE ${ARG_DEPS})
  endif()
  set(VERN_LAYERS ${VERN_LAYERS} ${name} CACHE INTERNAL "")
endfunction()

# tests/<layer>/**/*_test.cc become the binary vern_<layer>_tests. Tests find
# fixtures through VERN_SOURCE_DIR and ../shared through VERN_SHARED_DIR.
function(vern_layer_tests)
  foreach(name ${VERN_LAYERS})
    file(GLOB_RECURSE tsrcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/${name}/*_test.cc)
    if(NOT tsrcs)
      continue()
    endif()
    add_executable(vern_${name}_tests ${tsrcs})
    target_link_libraries(vern_${name}_tests PRIVATE vern_${name} GTest::gtest_main GTest::gmock)
    target_include_directories(vern_${name}_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    target_compile_definitions(vern_${name}_tests PRIVATE
      VERN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      VERN_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
      VERN_BINARY="$<TARGET_FILE:vern>")
    if(name STREQUAL "cli")
      # End-to-end tests run the real binary.
      add_dependencies(vern_${name}_tests vern)
    endif()
    gtest_discover_tests(vern_${name}_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS ${name})
    # Extra CTest entries of a layer (e.g. integration tests with their own label).
    if(EXISTS ${PROJECT_SOURCE_DIR}/tests/${name}/tests.cmake)
      include(${PROJECT_SOURCE_DIR}/tests/${name}/tests.cmake)
    endif()
  endforeach()
endfunction()
