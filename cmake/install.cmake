# `cmake --install <build> --prefix <dir>` writes the static library, the
# headers and a CMake package, so that a consumer's
#   find_package(family_privacy CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE family_privacy::core)
# finds the library, its C++20 requirement and its one public dependency
# (nlohmann_json, through find_dependency).
include(CMakePackageConfigHelpers)

set(PRIVACY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/family_privacy)

install(TARGETS family_privacy_core EXPORT family_privacyTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/privacy DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT family_privacyTargets
  NAMESPACE family_privacy::
  DESTINATION ${PRIVACY_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/family_privacyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/family_privacyConfig.cmake
  INSTALL_DESTINATION ${PRIVACY_CMAKE_DIR})
# Before 1.0 a minor version may change the commands, so only the same minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/family_privacyConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/family_privacyConfig.cmake
  ${PROJECT_BINARY_DIR}/family_privacyConfigVersion.cmake
  DESTINATION ${PRIVACY_CMAKE_DIR})
