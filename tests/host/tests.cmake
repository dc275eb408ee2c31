# `vern host` integration test against a real daemon ($DOCKER_HOST, started by
# scripts/dockerd-test.sh from scripts/test.sh); skipped when none is reachable.
add_test(NAME host_integration
         COMMAND ${PROJECT_SOURCE_DIR}/tests/host/integration.sh $<TARGET_FILE:vern>)
set_tests_properties(host_integration PROPERTIES LABELS "integration" SKIP_RETURN_CODE 77
                     TIMEOUT 300)
