# Vulnerability matching over the debootstrap image that
# scripts/make-test-images.sh writes (VERN_TEST_IMAGES, see tests/image/tests.cmake).
set(VERN_TEST_IMAGES "${CMAKE_BINARY_DIR}/test-images" CACHE PATH
    "Folder of the images made by scripts/make-test-images.sh")
add_test(NAME vulndb_integration
         COMMAND vern_vulndb_tests --gtest_filter=VulndbIntegration.*)
set_tests_properties(vulndb_integration PROPERTIES
                     LABELS "integration"
                     ENVIRONMENT "VERN_TEST_IMAGES=${VERN_TEST_IMAGES}")
