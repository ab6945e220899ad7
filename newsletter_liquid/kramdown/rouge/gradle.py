"""Gradle build scripts: rouge 3.30's Groovy lexer with Gradle's words added."""

from __future__ import annotations

from typing import ClassVar

from ._engine import word_list
from .groovy import KEYWORDS, TYPES, GroovyLexer

GRADLE_KEYWORDS = KEYWORDS | frozenset(
    word_list("""
    allprojects artifacts buildscript configuration dependencies
    repositories sourceSets subprojects publishing""")
)
GRADLE_TYPES = TYPES | frozenset(
    word_list("""
    Project Task Gradle Settings Script JavaToolChain SourceSet
    SourceSetOutput IncrementalTaskInputs Configuration
    ResolutionStrategy ArtifactResolutionQuery ComponentSelection
    ComponentSelectionRules ConventionProperty ExtensionAware
    ExtraPropertiesExtension PublishingExtension IvyPublication
    IvyArtifact IvyArtifactSet IvyModuleDescriptorSpec
    MavenPublication MavenArtifact MavenArtifactSet MavenPom
    PluginDependenciesSpec PluginDependencySpec ResourceHandler
    TextResourceFactory""")
)


class GradleLexer(GroovyLexer):
    """Inherits Groovy's shebang detection too, as rouge's subclass does."""

    tag = "gradle"

    keywords: ClassVar[frozenset[str]] = GRADLE_KEYWORDS
    types: ClassVar[frozenset[str]] = GRADLE_TYPES
