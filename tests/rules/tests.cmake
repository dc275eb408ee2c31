# Rule tests also run rules over translated Kubernetes and Compose snippets, so
# that the tricky spellings (inheritance, case, short syntax) are covered end to
# end. Test-only: the rules library itself never sees a translator.
target_link_libraries(vern_rules_tests PRIVATE vern_sources)
