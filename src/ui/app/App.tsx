// The tutor's root: keeps the state (use-tutor.ts), sends keys through the keymap, and
// draws the screen the state names, with the overlay, the notice and the footer.
import { Box, Text, useInput, useWindowSize } from 'ink';
import { type ReactNode, useLayoutEffect } from 'react';
import { taskState } from '../../progress/unlock.js';
import { colorOn } from '../color-on.js';
import Panel from '../components/Panel.js';
import useMarkdown from '../hooks/use-markdown.js';
import IntroScreen from '../intro/IntroScreen.js';
import MapScreen from '../map/MapScreen.js';
import PlotsView from '../plots/PlotsView.js';
import { plotsFresh } from '../plots/reducer.js';
import { questionScreen } from '../questions/screen.js';
import type { TutorServices } from '../services.js';
import TaskScreen from '../task/TaskScreen.js';
import { inertTerminal, type TerminalControl } from '../terminal.js';
import { keyName } from './bindings.js';
import EditingScreen from './EditingScreen.js';
import Footer from './Footer.js';
import { frameHeight, frameModel, minimumSize } from './frame.js';
import { actionFor } from './keymap.js';
import TooSmallScreen from './TooSmallScreen.js';
import useTutor from './use-tutor.js';
import WelcomeScreen from './WelcomeScreen.js';

type Props = {
  /** Everything the tutor does besides drawing: checks, watching, progress, the editor. */
  readonly services: TutorServices;
  /** Lends the terminal to the editor; tests leave it out. */
  readonly terminal?: TerminalControl;
};

export default function App({ services, terminal = inertTerminal }: Props) {
  const { course, workspaceDir } = services;
  const size = useWindowSize();
  const color = colorOn();
  const { state, dispatch, current } = useTutor(services, terminal);
  // Lesson text is laid out again once it renders as markdown.
  useMarkdown();

  useInput(
    (input, key) => {
      const name = keyName(input, key);
      if (!name) return;
      // The latest state, not this render's: two keys can arrive before the next render. It
      // holds the measures of the frame on screen: a key never lays out the frame.
      const now = current();
      const action = actionFor(now, name, now.view, course);
      if (action) dispatch(action);
    },
    // While the editor has the terminal, Ink must not hold raw mode or read keys.
    { isActive: state.editing === undefined },
  );

  // The frame is laid out once per render; the keys page by its measures, which reach the
  // reducer as state once it is drawn (an unchanged measure changes nothing).
  const model = frameModel(state, course, size);
  useLayoutEffect(() => {
    dispatch({ type: 'measured', view: model.view });
  });
  const height = frameHeight(size);
  const width = size.columns;
  if (model.view.tooSmall) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <TooSmallScreen size={size} minimum={minimumSize} />
      </Box>
    );
  }
  if (state.editing) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <EditingScreen file={state.editing} />
      </Box>
    );
  }

  let screen: ReactNode;
  const questions = questionScreen(state, services, width, model.screenHeight, dispatch);
  const overlayPanel = model.overlay ? (
    <Panel
      title={model.overlay.title}
      rows={model.overlay.rows}
      offset={model.overlay.scroll}
      height={model.overlay.height}
      width={width}
    />
  ) : undefined;
  if (model.task) {
    const { lesson, layout } = model.task;
    screen = (
      <TaskScreen
        task={lesson}
        sectionTitle={course.sections.find((section) => section.id === lesson.section)?.title ?? ''}
        taskState={taskState(course, state.progress, lesson)}
        run={state.runs[lesson.id]}
        layout={layout}
        overlay={model.overlay}
        workspaceDir={workspaceDir}
        width={width}
      >
        {state.overlay?.kind === 'plots' ? (
          <PlotsView
            file={lesson.file}
            run={state.plots?.[lesson.id]}
            page={state.overlay.page}
            width={width}
            height={layout.bodyHeight}
            color={color}
            stale={!plotsFresh(state, lesson.id)}
          />
        ) : undefined}
      </TaskScreen>
    );
  } else if (overlayPanel) {
    screen = overlayPanel;
  } else if (questions !== undefined) {
    screen = questions;
  } else if (model.intro) {
    screen = <IntroScreen lesson={model.intro.lesson} layout={model.intro.layout} width={width} />;
  } else if (state.screen.screen === 'welcome') {
    screen = (
      <WelcomeScreen
        title={course.title}
        workspaceDir={workspaceDir}
        createdFiles={services.createdFiles}
        firstFile={course.tasks[0]?.file}
        width={width}
      />
    );
  } else {
    screen = (
      <MapScreen
        course={course}
        state={state}
        workspaceDir={workspaceDir}
        width={width}
        height={model.screenHeight}
      />
    );
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflowY="hidden">
        {screen}
      </Box>
      {state.notice ? (
        <Text color="yellow" wrap="truncate-end">
          {state.notice}
        </Text>
      ) : null}
      <Footer lines={model.footer} />
    </Box>
  );
}
