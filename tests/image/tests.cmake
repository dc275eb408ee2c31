# Image integration tests: the ImageIntegration suite over the images that
# scripts/make-test-images.sh writes (default: <build dir>/test-images).
set(VERN_TEST_IMAGES "${CMAKE_BINARY_DIR}/test-images" CACHE PATH
    "Folder of the images made by scripts/make-test-images.sh")
add_test(NAME image_integration
         COMMAND vern_image_tests --gtest_filter=ImageIntegration.*)
set_tests_properties(image_integration PROPERTIES
                     LABELS "integration"
                     ENVIRONMENT "VERN_TEST_IMAGES=${VERN_TEST_IMAGES}")
